import type { FastifyError, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';

/** The error codes every app has, with their HTTP status. */
const baseCodes = {
  bad_request: 400,
  validation_failed: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;
type BaseCodes = typeof baseCodes;

/**
 * Every error the app raises on purpose has one of these codes, with its HTTP status; clients can rely on them.
 * A layer or the template adds its own where it uses them, in two lines:
 *
 *   declare module '../core/errors.js' { interface ErrorCodes { quota_exceeded: 429 } }
 *   defineErrorCodes({ quota_exceeded: 429 });
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- an interface, so that layers can add to it
export interface ErrorCodes extends BaseCodes {}

export type ErrorCode = keyof ErrorCodes;

const statusOf: Record<string, number> = { ...baseCodes };

/** Adds the statuses of codes a layer or the template declared in `ErrorCodes` (see above). */
export function defineErrorCodes(codes: Partial<ErrorCodes>): void {
  Object.assign(statusOf, codes);
}

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
    this.statusCode = statusOf[code] ?? 500;
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

/** What the user is told when a library refuses a request, by the library's error code. */
const libraryErrors: Record<string, { code: ErrorCode; message: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'payload_too_large', message: 'The request body is too large.' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: 'unsupported_media_type',
    message: 'This content type is not accepted here.',
  },
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'bad_request', message: 'The request body is not valid JSON.' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'bad_request', message: 'The request body is empty; JSON was expected.' },
  FST_ERR_BAD_URL: { code: 'bad_request', message: 'This address is not valid: it has a broken %-escape.' },
};

/** A layer whose plugin throws errors of its own (e.g. CSRF) says here what the user is told about each. */
export function defineLibraryErrors(errors: Record<string, { code: ErrorCode; message: string }>): void {
  Object.assign(libraryErrors, errors);
}

/** Any thrown error as what the client may be told. */
export function toProblem(error: unknown, requestId: string): Problem {
  const fastifyError = error as Partial<FastifyError>;
  const known = fastifyError.code ? libraryErrors[fastifyError.code] : undefined;
  if (known) return { statusCode: statusOf[known.code] ?? 400, ...known, requestId };
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
  const status = fastifyError.statusCode ?? 500;
  const message = fastifyError.message ?? '';
  if (status === 429) return { statusCode: 429, code: 'rate_limited', message, requestId };
  if (status >= 400 && status < 500) return { statusCode: status, code: codeFor(status), message, requestId };
  return { statusCode: 500, code: 'internal', message: 'Something went wrong on our side.', requestId };
}

/** The JSON error body: `{ "error": { "code", "message", "requestId", "details"? } }`. */
export function problemBody({ statusCode: _status, ...body }: Problem): { error: Omit<Problem, 'statusCode'> } {
  return { error: body };
}

function codeFor(status: number): ErrorCode {
  const known = Object.entries(statusOf).find(([, s]) => s === status);
  return known ? (known[0] as ErrorCode) : 'bad_request';
}

/** A browser asking for a page (as opposed to a client asking for JSON). */
export function prefersHtml(request: FastifyRequest): boolean {
  return (request.headers.accept ?? '').includes('text/html');
}
