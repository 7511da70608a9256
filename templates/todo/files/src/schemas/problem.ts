import { z } from 'zod';

/** The body of every error answer (src/core/errors.ts), as the OpenAPI document shows it. */
export const problem = z.object({
  error: z.object({
    code: z.string().describe('Stable: clients may rely on it (validation_failed, not_found, unauthorized, …)'),
    message: z.string().describe("For a person, in the language of the request's Accept-Language"),
    requestId: z.string(),
    details: z.unknown().optional(),
  }),
});

/** The error answers a protected route of this API may give, for its `response` schema. */
export const problems = { 400: problem, 401: problem, 404: problem };
