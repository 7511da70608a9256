import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';

/** Every error the app raises on purpose has one of these codes; clients can rely on them. */
export type ErrorCode =
  | 'bad_request'
  | 'validation_failed'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'rate_limited'
  | 'quota_exceeded'
  | 'internal'
  | 'upstream_failed'
  | 'unavailable'
  | 'upstream_timeout';

const statusOf: Record<ErrorCode, number> = {
  bad_request: 400,
  validation_failed: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  quota_exceeded: 429,
  internal: 500,
  // A service this app depends on (a model provider, a mail server) failed, is down or did not answer in time.
  upstream_failed: 502,
  unavailable: 503,
  upstream_timeout: 504,
};

/** An error meant for the client: services throw these, the one error handler turns them into responses. */
export class AppError extends Error {
  override name = 'AppError';
  readonly statusCode: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    /** Sent with the error response, e.g. `{ 'retry-after': '30' }` for a 429 or 503. */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.statusCode = statusOf[code];
  }
}

/** What a client is told about an error. 5xx details stay in the log. */
export interface Problem {
  statusCode: number;
  code: ErrorCode;
  message: string;
  requestId: string;
  details?: unknown;
}

/** Renders a problem for a person (an HTML page); without one, every error is answered as JSON. */
export type ProblemRenderer = (problem: Problem, request: FastifyRequest, reply: FastifyReply) => unknown;

export interface ErrorHandlerOptions {
  renderHtml?: ProblemRenderer;
}

/** The one place where errors become responses: thrown AppErrors, Fastify's own errors, and crashes. */
export const errorHandler = fp<ErrorHandlerOptions>(
  (app: FastifyInstance, { renderHtml }) => {
    const respond = (problem: Problem, request: FastifyRequest, reply: FastifyReply) => {
      reply.status(problem.statusCode);
      if (renderHtml && prefersHtml(request)) return renderHtml(problem, request, reply);
      const { statusCode: _status, ...body } = problem;
      return reply.type('application/json').send({ error: body });
    };

    app.setErrorHandler((error: FastifyError, request, reply) => {
      const problem = toProblem(error, request.id);
      if (problem.statusCode >= 500) request.log.error({ err: error }, 'request failed');
      else request.log.info({ code: problem.code, message: error.message }, 'request rejected');
      if (error instanceof AppError && error.headers) reply.headers(error.headers);
      return respond(problem, request, reply);
    });

    app.setNotFoundHandler((request, reply) =>
      respond(
        {
          statusCode: 404,
          code: 'not_found',
          message: `Nothing at ${request.method} ${request.url}.`,
          requestId: request.id,
        },
        request,
        reply,
      ),
    );
  },
  { name: 'error-handler' },
);

/**
 * The JSON error body for an error that cannot reach the error handler: one inside a response that has already
 * started (a stream), which can only be told as the stream's last event.
 */
export function toProblemBody(error: unknown, requestId: string): { error: Omit<Problem, 'statusCode'> } {
  const { statusCode: _status, ...body } = toProblem(error as FastifyError, requestId);
  return { error: body };
}

const formExpired = 'This form has expired or was not sent from this site. Reload the page and try again.';

/** What the user is told when a library refuses a request, by the library's error code. */
const knownErrors: Record<string, { code: ErrorCode; message: string }> = {
  FST_CSRF_MISSING_SECRET: { code: 'forbidden', message: formExpired },
  FST_CSRF_INVALID_TOKEN: { code: 'forbidden', message: formExpired },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'payload_too_large', message: 'The request body is too large.' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: 'unsupported_media_type',
    message: 'This content type is not accepted here.',
  },
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'bad_request', message: 'The request body is not valid JSON.' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'bad_request', message: 'The request body is empty; JSON was expected.' },
};

function toProblem(error: FastifyError, requestId: string): Problem {
  const known = error.code ? knownErrors[error.code] : undefined;
  if (known) return { statusCode: statusOf[known.code], ...known, requestId };
  if (error instanceof AppError) {
    return {
      statusCode: error.statusCode,
      code: error.code,
      message: error.message,
      requestId,
      details: error.details,
    };
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const details = error.validation.map((issue) => ({
      field: issue.instancePath.replace(/^\//, ''),
      message: issue.message,
    }));
    return { statusCode: 400, code: 'validation_failed', message: 'The request is not valid.', requestId, details };
  }
  const status = error.statusCode ?? 500;
  if (status === 429) return { statusCode: 429, code: 'rate_limited', message: error.message, requestId };
  if (status >= 400 && status < 500)
    return { statusCode: status, code: codeFor(status), message: error.message, requestId };
  return { statusCode: 500, code: 'internal', message: 'Something went wrong on our side.', requestId };
}

function codeFor(status: number): ErrorCode {
  const known = (Object.entries(statusOf) as [ErrorCode, number][]).find(([, s]) => s === status);
  return known ? known[0] : 'bad_request';
}

/** A browser asking for a page (as opposed to a client asking for JSON). */
export function prefersHtml(request: FastifyRequest): boolean {
  const accept = request.headers.accept ?? '';
  return accept.includes('text/html');
}
