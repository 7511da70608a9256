import type { Writable } from 'node:stream';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from './core/config.js';
import { problemBody, toProblem } from './core/errors.js';
import { loggerOptions } from './core/logger.js';
import type { Database } from './db/client.js';
import { plugins } from './plugins/index.js';
import { healthRoutes } from './routes/health.js';
import { routes } from './routes/index.js';
import { createServiceDeps } from './services/deps.js';
import { createServices } from './services/index.js';

export interface AppOptions {
  config: Config;
  /** An open, migrated database; the app closes it when it closes. */
  database: Database;
  /** Where log lines go instead of stdout (tests read them there). */
  logStream?: Writable;
}

/**
 * The app factory (Flask's create_app): everything the app is made of, wired in one place. Tests call it with
 * their own config and database; src/main.ts calls it with the real ones.
 */
export async function buildApp({ config, database, logStream }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    ...loggerOptions(config, logStream),
    // Form posts and JSON bodies are small; a bigger body is refused with 413 before it is read.
    bodyLimit: 64 * 1024,
    trustProxy: config.TRUST_PROXY,
    // A client that sends its request slowly, or never finishes it, is cut off instead of holding a connection;
    // Node checks every 2 s (by default every 30 s, which would let a slow client stay that much longer).
    requestTimeout: config.REQUEST_TIMEOUT_MS,
    http: { connectionsCheckingInterval: 2_000 },
    // A connection where nothing moves either way for two minutes is closed (a model's answer streams faster).
    connectionTimeout: 120_000,
    // Longer than the idle timeout of the usual load balancers (60 s), which then never reuse a closed connection.
    keepAliveTimeout: 72_000,
    // An address Fastify cannot even decode (`/%E0%A4%A`) gets the app's error body rather than Fastify's default
    // one. It is answered before routing, on a bare reply without the plugins' decorators, so in JSON, not a page.
    frameworkErrors: (error, request, reply: FastifyReply) => {
      const problem = toProblem(error, request.id);
      void reply.code(problem.statusCode).header('x-request-id', request.id).send(problemBody(problem));
    },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onClose', () => database.close());
  closeLateIdleConnections(app);

  // What the services are made from (each layer adds its part: src/adapters/index.ts), then the services. Both
  // exist before the first plugin, which may use them. onClose hooks run in reverse order, so what a layer opened
  // here (a connection) is closed after the plugins and services that use it have stopped.
  const deps = await createServiceDeps({
    config,
    database,
    log: app.log,
    onClose: (hook) => app.addHook('onClose', async () => hook()),
  });
  const services = createServices(deps);

  for (const plugin of plugins) await app.register(plugin, { config, database, deps, services });
  await app.register(healthRoutes, { database });
  await app.register(routes, { services });
  return app;
}

/**
 * close() closes the keep-alive connections that are idle when it starts, but one whose request was still in
 * flight stays open after its answer until keepAliveTimeout (72 s; fastify/fastify#7044), so `docker stop` during
 * traffic would end in a SIGKILL. While closing, the connections left idle are closed every 100 ms (no hook on
 * the request path).
 */
function closeLateIdleConnections(app: FastifyInstance): void {
  let sweep: NodeJS.Timeout | undefined;
  app.addHook('preClose', async () => {
    sweep = setInterval(() => app.server.closeIdleConnections(), 100).unref();
  });
  app.addHook('onClose', async () => clearInterval(sweep));
}
