import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError, problemBody, type Problem, toProblem } from '../core/errors.js';

/** One way of telling a client about an error: an HTML page for a browser, another JSON shape for one API. */
export interface ProblemFormat {
  /** true when this format is the one for this request. */
  accepts(request: FastifyRequest): boolean;
  render(problem: Problem, request: FastifyRequest, reply: FastifyReply): unknown;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Adds a format; the one added last is asked first. Without one that accepts, the standard JSON body. */
    addProblemFormat(format: ProblemFormat): void;
  }
}

/**
 * The one place where errors become responses: thrown AppErrors, Fastify's own errors, crashes, and unknown
 * addresses. A 5xx is logged with its stack; the client sees only a request id to quote.
 */
export default fp(
  async (app: FastifyInstance) => {
    const formats: ProblemFormat[] = [];
    app.decorate('addProblemFormat', (format: ProblemFormat) => void formats.unshift(format));

    const respond = (problem: Problem, request: FastifyRequest, reply: FastifyReply) => {
      reply.status(problem.statusCode);
      const format = formats.find((candidate) => candidate.accepts(request));
      if (format) return format.render(problem, request, reply);
      return reply.type('application/json').send(problemBody(problem));
    };

    app.setErrorHandler((error, request, reply) => {
      const problem = toProblem(error, request.id);
      if (problem.statusCode >= 500) request.log.error({ err: error }, 'request failed');
      else request.log.info({ code: problem.code, message: problem.message }, 'request rejected');
      if (error instanceof AppError && error.headers) reply.headers(error.headers);
      return respond(problem, request, reply);
    });

    // Someone trying address after address (a scanner looking for what exists) is slowed down with 429.
    const tooManyMisses = missCounter(60, 60_000);
    app.setNotFoundHandler((request, reply) => {
      const retryAfter = tooManyMisses(request.ip);
      if (retryAfter !== undefined) {
        reply.header('retry-after', String(retryAfter));
        const message = 'Too many requests for addresses that do not exist. Try again later.';
        return respond({ statusCode: 429, code: 'rate_limited', message, requestId: request.id }, request, reply);
      }
      const message = `Nothing at ${request.method} ${request.url}.`;
      return respond({ statusCode: 404, code: 'not_found', message, requestId: request.id }, request, reply);
    });
  },
  { name: 'error-handler' },
);

/**
 * Counts one client's requests for unknown addresses in fixed windows: `max` per window is enough for a person with
 * a mistyped link, not for a scanner. Returns the seconds to wait once over the limit. In memory, per process.
 */
function missCounter(max: number, windowMs: number): (ip: string) => number | undefined {
  const windows = new Map<string, { count: number; until: number }>();
  return (ip) => {
    const now = Date.now();
    if (windows.size > 10_000) for (const [key, { until }] of windows) if (until <= now) windows.delete(key);
    const window = windows.get(ip);
    if (!window || window.until <= now) {
      windows.set(ip, { count: 1, until: now + windowMs });
      return undefined;
    }
    window.count += 1;
    return window.count > max ? Math.ceil((window.until - now) / 1000) : undefined;
  };
}
