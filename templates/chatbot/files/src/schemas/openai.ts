import { z } from 'zod';

/** A message part as OpenAI's API sends it: plain text, or a list of parts of which the text ones count here. */
const content = z.union([z.string(), z.array(z.looseObject({ type: z.string(), text: z.string().optional() }))]);

/**
 * POST /v1/chat/completions, OpenAI's request shape. Only what this service uses is checked; other fields
 * (temperature, top_p, …) are accepted and ignored, as a compatible server must not refuse a stock client.
 */
export const chatCompletionBody = z.looseObject({
  model: z.string().min(1),
  messages: z
    .array(z.looseObject({ role: z.enum(['system', 'developer', 'user', 'assistant']), content: content.nullable() }))
    .min(1, 'Send at least one message.')
    .max(200),
  stream: z.boolean().optional(),
});

export type ChatCompletionBody = z.infer<typeof chatCompletionBody>;

export const chatCompletion = z.object({
  id: z.string(),
  object: z.literal('chat.completion'),
  created: z.number().int(),
  model: z.string(),
  choices: z.array(
    z.object({
      index: z.number().int(),
      message: z.object({ role: z.literal('assistant'), content: z.string() }),
      finish_reason: z.string(),
    }),
  ),
  usage: z.object({
    prompt_tokens: z.number().int(),
    completion_tokens: z.number().int(),
    total_tokens: z.number().int(),
  }),
});

export const modelList = z.object({
  object: z.literal('list'),
  data: z.array(
    z.object({ id: z.string(), object: z.literal('model'), created: z.number().int(), owned_by: z.string() }),
  ),
});
