import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';

const index = z.object({
  apiVersion: z.string(),
  documentation: z.string(),
  openapi: z.string(),
  endpoints: z.record(z.string(), z.string()),
});

/** GET /api/v1: where things are (Todoism's IndexAPI), with URI templates (RFC 6570) for the collections. */
export const discoveryRoutes: FastifyPluginAsync = async (app) => {
  app.withTypeProvider<ZodTypeProvider>().get(
    // '' rather than '/': the URL is /api/v1 itself.
    '',
    {
      schema: {
        tags: ['discovery'],
        operationId: 'getIndex',
        summary: 'What this API offers',
        response: { 200: index },
      },
    },
    async () => ({
      apiVersion: '1',
      documentation: '/docs',
      openapi: '/docs/json',
      endpoints: {
        token: '/api/v1/oauth/token',
        demo: '/api/v1/demo',
        user: '/api/v1/user',
        items: '/api/v1/user/items{?filter,page,pageSize}',
        item: '/api/v1/user/items/{id}',
        register: '/api/v1/auth/register',
      },
    }),
  );
};
