import { describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../src/core/errors.js';
import { openAiErrorBody } from '../../src/core/openai-errors.js';

const problem = (statusCode: number, code: ErrorCode, details?: unknown) => ({
  statusCode,
  code,
  message: 'Something.',
  requestId: 'req-1',
  details,
});

describe('OpenAI error bodies', () => {
  it.each([
    [400, 'bad_request', 'invalid_request_error'],
    [404, 'not_found', 'invalid_request_error'],
    [413, 'payload_too_large', 'invalid_request_error'],
    [401, 'unauthorized', 'authentication_error'],
    [403, 'forbidden', 'permission_error'],
    [429, 'quota_exceeded', 'rate_limit_error'],
    [500, 'internal', 'server_error'],
    [504, 'upstream_timeout', 'server_error'],
  ] as const)('status %i (%s) has type %s', (status, code, type) => {
    expect(openAiErrorBody(problem(status, code)).error.type).toBe(type);
  });

  it('uses the codes OpenAI clients know, and keeps the app code otherwise', () => {
    expect(openAiErrorBody(problem(401, 'unauthorized')).error.code).toBe('invalid_api_key');
    expect(openAiErrorBody(problem(429, 'rate_limited')).error.code).toBe('rate_limit_exceeded');
    expect(openAiErrorBody(problem(429, 'quota_exceeded')).error.code).toBe('quota_exceeded');
  });

  it('names the first invalid field as param, and only a field', () => {
    const details = [
      { field: 'messages/2/content', message: 'Invalid input' },
      { field: 'model', message: 'Required' },
    ];
    expect(openAiErrorBody(problem(400, 'validation_failed', details))).toEqual({
      error: {
        message: 'Something. messages.[2].content: Invalid input',
        type: 'invalid_request_error',
        param: 'messages.[2].content',
        code: 'validation_failed',
      },
    });
    // Details that are not a list of fields (an AppError's own) give no param, and are not shown.
    expect(openAiErrorBody(problem(409, 'conflict', { limit: 3 })).error).toMatchObject({
      message: 'Something.',
      param: null,
    });
    expect(openAiErrorBody(problem(400, 'validation_failed', [])).error.param).toBeNull();
  });
});
