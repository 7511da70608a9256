import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { bearerToken, currentUser } from '../plugins/bearer.js';
import { toProblem } from '../core/errors.js';
import { openAiErrorBody } from '../core/openai-errors.js';
import { bearerSecurity } from '../plugins/openapi.js';
import { clientGone, sendEvents } from '../core/sse.js';
import { type ChatCompletionBody, chatCompletion, chatCompletionBody, modelList } from '../schemas/openai.js';
import type { ChatMessage } from '../services/ai/provider.js';
import type { Services } from '../services/index.js';

/**
 * OpenAI's chat completions API, so that stock OpenAI client libraries (and tools built on them) can use this
 * service: `new OpenAI({ baseURL: 'http://localhost:3000/v1', apiKey: 'sk-chat-…' })`. Authenticated by the
 * user's API keys; the same quota, cache, limits and metrics as the conversations. Errors come in OpenAI's shape
 * (`{ "error": { "message", "type", "param", "code" } }`), which those libraries turn into their error classes.
 */
export const openAiRoutes: FastifyPluginAsync<{ services: Services }> = async (app, { services }) => {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  // The one error handler (src/plugins/error-handler.ts) asks this format first for every address under /v1,
  // unknown ones included; the rest of the app keeps its own error shape.
  const underPrefix = new RegExp(`^${app.prefix}(?:[/?]|$)`);
  app.addProblemFormat({
    accepts: (request) => underPrefix.test(request.url),
    render: (problem, _request, reply) => reply.type('application/json').send(openAiErrorBody(problem)),
  });
  app.addHook('onRequest', async (request) => {
    request.user = await services.apiKeys.authenticate(bearerToken(request));
  });
  const tags = ['openai-compatible'];
  const security = bearerSecurity;

  routes.get(
    '/models',
    { schema: { tags, security, summary: 'The model this service answers with', response: { 200: modelList } } },
    async () => ({
      object: 'list' as const,
      data: [{ id: services.completions.model, object: 'model' as const, created: 0, owned_by: 'study-project' }],
    }),
  );

  routes.post(
    '/chat/completions',
    {
      schema: {
        tags,
        security,
        summary: 'Chat completion (stream: true for Server-Sent Events)',
        body: chatCompletionBody,
        response: { 200: chatCompletion },
      },
    },
    async (request, reply) => {
      const { userId } = currentUser(request);
      const id = `chatcmpl-${randomUUID()}`;
      const created = Math.floor(Date.now() / 1000);
      const model = services.completions.model;
      const events = services.completions.stream({
        userId,
        messages: toMessages(request.body),
        signal: clientGone(reply),
      });

      if (!request.body.stream) {
        for await (const event of events) {
          if (event.type !== 'done') continue;
          const { text, promptTokens, completionTokens } = event.result;
          return {
            id,
            object: 'chat.completion' as const,
            created,
            model,
            choices: [{ index: 0, message: { role: 'assistant' as const, content: text }, finish_reason: 'stop' }],
            usage: {
              prompt_tokens: promptTokens,
              completion_tokens: completionTokens,
              total_tokens: promptTokens + completionTokens,
            },
          };
        }
        throw new Error('the answer ended without a done event');
      }

      // OpenAI's stream: data-only events, one chunk per piece of text, a last chunk with the usage, then [DONE].
      const chunk = (delta: object, finish: string | null, usage?: object) => ({
        id,
        object: 'chat.completion.chunk',
        created,
        model,
        choices: usage ? [] : [{ index: 0, delta, finish_reason: finish }],
        ...(usage && { usage }),
      });
      return sendEvents(
        reply,
        (async function* () {
          let first = true;
          for await (const event of events) {
            if (event.type === 'delta') {
              yield { data: chunk(first ? { role: 'assistant', content: event.text } : { content: event.text }, null) };
              first = false;
              continue;
            }
            const { promptTokens, completionTokens } = event.result;
            yield { data: chunk({}, 'stop') };
            yield {
              data: chunk({}, null, {
                prompt_tokens: promptTokens,
                completion_tokens: completionTokens,
                total_tokens: promptTokens + completionTokens,
              }),
            };
            yield { data: '[DONE]' };
          }
        })(),
        (error) => {
          request.log.warn({ err: error }, 'the answer broke off');
          return { data: openAiErrorBody(toProblem(error, request.id)) };
        },
      );
    },
  );
};

/** OpenAI's messages as this service's: `developer` is a system message, text parts are joined. */
function toMessages(body: ChatCompletionBody): ChatMessage[] {
  return body.messages.map(({ role, content }) => ({
    role: role === 'developer' ? 'system' : role,
    content: typeof content === 'string' ? content : (content ?? []).map((part) => part.text ?? '').join(''),
  }));
}
