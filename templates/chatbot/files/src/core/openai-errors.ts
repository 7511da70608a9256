import type { Problem } from './errors.js';

/** The error body OpenAI's API answers with, which its client libraries read (`error.type`, `error.param`). */
export interface OpenAiErrorBody {
  error: { message: string; type: string; param: string | null; code: string | null };
}

/**
 * A problem in OpenAI's error shape, for the OpenAI-compatible endpoint (/v1): the type by status, as OpenAI's API
 * sets it, the first invalid field as `param` (OpenAI's spelling: `messages.[0].role`), and the app's own code,
 * except where OpenAI has a code clients look for. The rest of the app keeps its own shape (src/core/errors.ts).
 */
export function openAiErrorBody(problem: Problem): OpenAiErrorBody {
  const field = firstField(problem.details);
  const param = field ? openAiParam(field.name) : null;
  return {
    error: {
      message: field ? `${problem.message} ${param}: ${field.message}` : problem.message,
      type: typeOf(problem.statusCode),
      param,
      code: openAiCodes[problem.code] ?? problem.code,
    },
  };
}

const openAiCodes: Partial<Record<string, string>> = {
  unauthorized: 'invalid_api_key',
  rate_limited: 'rate_limit_exceeded',
};

function typeOf(status: number): string {
  if (status === 401) return 'authentication_error';
  if (status === 403) return 'permission_error';
  if (status === 429) return 'rate_limit_error';
  if (status >= 500) return 'server_error';
  return 'invalid_request_error';
}

/** The first field of a validation problem's details (`[{ field, message }]`, see toProblem), if there is one. */
function firstField(details: unknown): { name: string; message: string } | undefined {
  const first = Array.isArray(details) ? (details[0] as { field?: string; message?: string } | undefined) : undefined;
  // An empty field is the body itself (not an object at all): no param to name.
  return first?.field ? { name: first.field, message: first.message ?? '' } : undefined;
}

/** `messages/0/role` (a JSON pointer without its slash) as OpenAI writes it: `messages.[0].role`. */
function openAiParam(pointer: string): string {
  return pointer
    .split('/')
    .map((part) => (/^\d+$/.test(part) ? `[${part}]` : part))
    .join('.');
}
