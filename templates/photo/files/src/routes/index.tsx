import type { FastifyPluginAsync } from 'fastify';
import type { Services } from '../services/index.js';
import { adminRoutes } from './admin.js';
import { authRoutes } from './auth.js';
import { homeRoutes } from './home.js';
import { notificationRoutes } from './notifications.js';
import { photoRoutes } from './photos.js';
import { settingsRoutes } from './settings.js';
import { userRoutes } from './users.js';

/** Every route of the app, registered by buildApp (src/app.ts). */
export const routes: FastifyPluginAsync<{ services: Services }> = async (app, { services }) => {
  await app.register(homeRoutes, { services });
  await app.register(authRoutes, { services });
  await app.register(photoRoutes, { services });
  await app.register(userRoutes, { services });
  await app.register(notificationRoutes, { services });
  await app.register(settingsRoutes, { services, prefix: '/settings' });
  await app.register(adminRoutes, { services, prefix: '/admin' });
};
