import type { FastifyPluginAsync } from 'fastify';
import { i18n } from '../core/i18n.js';
import type { Services } from '../services/index.js';
import { authRoutes } from './auth.js';
import { demoRoutes } from './demo.js';
import { discoveryRoutes } from './discovery.js';
import { itemRoutes } from './items.js';
import { oauthRoutes } from './oauth.js';
import { userRoutes } from './users.js';

/**
 * Every route of the API, registered by buildApp (src/app.ts), versioned under /api/v1 (a v2 would sit next to
 * it). Their error messages are in the reader's language (src/core/i18n.ts). The SPA is served next to them,
 * from the same process (src/plugins/spa.ts).
 */
export const routes: FastifyPluginAsync<{ services: Services }> = async (app, { services }) => {
  await app.register(i18n);
  await app.register(
    async (v1) => {
      await v1.register(discoveryRoutes);
      await v1.register(oauthRoutes, { services });
      await v1.register(demoRoutes, { services });
      await v1.register(authRoutes, { services });
      await v1.register(userRoutes, { services });
      await v1.register(itemRoutes, { services });
    },
    { prefix: '/api/v1' },
  );
};
