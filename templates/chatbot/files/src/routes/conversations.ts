import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { currentUser } from '../plugins/bearer.js';
import { problemBody, toProblem } from '../core/errors.js';
import { bearerSecurity as security } from '../plugins/openapi.js';
import { clientGone, sendEvents } from '../core/sse.js';
import {
  chatReply,
  conversation,
  conversationPage,
  conversationWithMessages,
  createConversationBody,
  renameBody,
  sendMessageBody,
  usage,
} from '../schemas/conversation.js';
import { idParams } from '../schemas/ids.js';
import { pageQuery } from '../schemas/pagination.js';
import type { Services } from '../services/index.js';

/** The signed-in user's conversations, and chatting in them (streamed or not). */
export const conversationRoutes: FastifyPluginAsync<{ services: Services }> = async (app, { services }) => {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  app.addHook('onRequest', app.authenticate);
  const tags = ['conversations'];

  routes.get(
    '/conversations',
    {
      schema: {
        tags,
        security,
        summary: 'Your conversations, most recent first',
        querystring: pageQuery,
        response: { 200: conversationPage },
      },
    },
    async (request) => services.conversations.page(currentUser(request).userId, request.query.page),
  );

  routes.post(
    '/conversations',
    {
      schema: {
        tags,
        security,
        summary: 'Start a conversation',
        body: createConversationBody,
        response: { 201: conversation },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await services.conversations.create(currentUser(request).userId, request.body.title)),
  );

  routes.get(
    '/conversations/:id',
    {
      schema: {
        tags,
        security,
        summary: 'A conversation with its messages',
        params: idParams,
        response: { 200: conversationWithMessages },
      },
    },
    async (request) => services.conversations.open(currentUser(request).userId, request.params.id),
  );

  routes.patch(
    '/conversations/:id',
    {
      schema: {
        tags,
        security,
        summary: 'Rename a conversation',
        params: idParams,
        body: renameBody,
        response: { 200: conversation },
      },
    },
    async (request) =>
      services.conversations.rename(currentUser(request).userId, request.params.id, request.body.title),
  );

  routes.delete(
    '/conversations/:id',
    {
      schema: {
        tags,
        security,
        summary: 'Delete a conversation and its messages',
        params: idParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await services.conversations.delete(currentUser(request).userId, request.params.id);
      return reply.status(204).send(null);
    },
  );

  routes.post(
    '/conversations/:id/messages',
    {
      schema: {
        tags,
        security,
        summary: 'Send a message; the answer comes whole (JSON) or streamed (stream: true, Server-Sent Events)',
        params: idParams,
        body: sendMessageBody,
        response: { 200: chatReply },
      },
    },
    async (request, reply) => {
      const { userId } = currentUser(request);
      // The client hanging up stops the model too: no tokens are spent on an answer nobody will read.
      const signal = clientGone(reply);
      if (!request.body.stream) return services.chat.reply(userId, request.params.id, request.body.content, signal);
      const events = services.chat.send(userId, request.params.id, request.body.content, signal);
      return sendEvents(
        reply,
        (async function* () {
          for await (const event of events) {
            const { type, ...data } = event;
            yield { event: type, data };
          }
        })(),
        (error) => {
          request.log.warn({ err: error }, 'the answer broke off');
          return { event: 'error', data: problemBody(toProblem(error, request.id)) };
        },
      );
    },
  );

  routes.get(
    '/usage',
    { schema: { tags: ['users'], security, summary: "Today's tokens and your daily quota", response: { 200: usage } } },
    async (request) => services.quota.usage(currentUser(request).userId),
  );
};
