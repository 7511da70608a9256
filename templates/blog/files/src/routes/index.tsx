import type { FastifyPluginAsync } from 'fastify';
import type { Services } from '../services/index.js';
import { adminRoutes } from './admin/index.js';
import { authRoutes } from './auth.js';
import { blogRoutes } from './blog.js';

/** Every route of the app, registered by buildApp (src/app.ts). */
export const routes: FastifyPluginAsync<{ services: Services }> = async (app, { services }) => {
  await app.register(blogRoutes, { services });
  await app.register(authRoutes, { services });
  await app.register(adminRoutes, { services, prefix: '/admin' });
};
