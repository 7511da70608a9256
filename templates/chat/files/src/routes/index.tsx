import type { FastifyPluginAsync } from 'fastify';
import type { Services } from '../services/index.js';
import { anonymousSockets } from '../sockets/anonymous.js';
import { chatSockets } from '../sockets/chat.js';
import { authRoutes } from './auth.js';
import { chatRoutes } from './chat.js';
import { oauthRoutes } from './oauth.js';

/** Every route and socket event of the app, registered by buildApp (src/app.ts). */
export const routes: FastifyPluginAsync<{ services: Services }> = async (app, { services }) => {
  await app.register(chatRoutes, { services });
  await app.register(authRoutes, { services });
  await app.register(oauthRoutes, { services });
  chatSockets(app, services);
  anonymousSockets(app, services);
};
