import type { FastifyPluginAsync } from 'fastify';
import type { Services } from '../services/index.js';
import { messageRoutes } from './messages.js';

/** Every route of the app, registered by buildApp (src/app.ts). */
export const routes: FastifyPluginAsync<{ services: Services }> = async (app, { services }) => {
  await app.register(messageRoutes, { services });
};
