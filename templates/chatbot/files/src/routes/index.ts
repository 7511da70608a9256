import type { FastifyPluginAsync } from 'fastify';
import type { Services } from '../services/index.js';
import { adminRoutes } from './admin.js';
import { apiKeyRoutes } from './api-keys.js';
import { authRoutes } from './auth.js';
import { conversationRoutes } from './conversations.js';
import { openAiRoutes } from './openai.js';
import { userRoutes } from './users.js';

/** Every route of the app, registered by buildApp (src/app.ts): the API under /api/v1, OpenAI's shape under /v1. */
export const routes: FastifyPluginAsync<{ services: Services }> = async (app, { services }) => {
  await app.register(
    async (v1) => {
      await v1.register(authRoutes, { services });
      await v1.register(userRoutes, { services });
      await v1.register(conversationRoutes, { services });
      await v1.register(apiKeyRoutes, { services });
      await v1.register(adminRoutes, { services });
    },
    { prefix: '/api/v1' },
  );
  await app.register(openAiRoutes, { services, prefix: '/v1' });
};
