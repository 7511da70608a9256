import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';

const pkg = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../package.json'), 'utf8')) as {
  name: string;
  version: string;
  description?: string;
};

/**
 * The OpenAPI document, made from the routes' zod schemas (GET /docs/json), and an interactive page to try the
 * API (GET /docs, Swagger UI served from its npm package: it works offline). It must be registered before the
 * routes: @fastify/swagger collects each route as it is added.
 */
export default fp(
  async (app: FastifyInstance) => {
    await app.register(fastifySwagger, {
      openapi: {
        info: { title: pkg.name, version: pkg.version, description: pkg.description },
        components: {
          securitySchemes: {
            bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
          },
        },
      },
      transform: jsonSchemaTransform,
    });
    await app.register(fastifySwaggerUi, { routePrefix: '/docs' });
  },
  { name: 'openapi' },
);

/** Put on a route's schema: the docs page then sends the token you entered under "Authorize". */
export const bearerSecurity = [{ bearerAuth: [] }];
