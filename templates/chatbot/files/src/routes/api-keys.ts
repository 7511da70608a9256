import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { currentUser } from '../plugins/bearer.js';
import { bearerSecurity as security } from '../plugins/openapi.js';
import { apiKey, createApiKeyBody, createdApiKey } from '../schemas/api-key.js';
import { idParams } from '../schemas/ids.js';
import type { Services } from '../services/index.js';

/** The signed-in user's API keys for the OpenAI-compatible endpoint (/v1/chat/completions). */
export const apiKeyRoutes: FastifyPluginAsync<{ services: Services }> = async (app, { services }) => {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  app.addHook('onRequest', app.authenticate);
  const tags = ['api keys'];

  routes.get(
    '/api-keys',
    {
      schema: {
        tags,
        security,
        summary: 'Your API keys (without the keys themselves)',
        response: { 200: z.array(apiKey) },
      },
    },
    async (request) => services.apiKeys.list(currentUser(request).userId),
  );

  routes.post(
    '/api-keys',
    {
      schema: {
        tags,
        security,
        summary: 'Make an API key; it is shown this once',
        body: createApiKeyBody,
        response: { 201: createdApiKey },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await services.apiKeys.create(currentUser(request).userId, request.body.name)),
  );

  routes.delete(
    '/api-keys/:id',
    {
      schema: {
        tags,
        security,
        summary: 'Delete an API key: it stops working at once',
        params: idParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await services.apiKeys.delete(currentUser(request).userId, request.params.id);
      return reply.status(204).send(null);
    },
  );
};
