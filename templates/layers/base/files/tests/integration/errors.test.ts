import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError } from '../../src/core/errors.js';
import { useTestApp } from '../helpers/app.js';

const t = useTestApp({}, (app) => {
  // Routes that fail on purpose, added before the app starts, to see what a client is told.
  app.get('/test/crash', async () => {
    throw new Error('database password is hunter2');
  });
  app.get('/test/conflict', async () => {
    throw new AppError('conflict', 'That name is taken.');
  });
  app
    .withTypeProvider<ZodTypeProvider>()
    .post('/test/echo', { schema: { body: z.object({ name: z.string().min(1) }) } }, async (request) => request.body);
});

const json = { accept: 'application/json' };
const post = (payload: string) =>
  t.app.inject({
    method: 'POST',
    url: '/test/echo',
    headers: { ...json, 'content-type': 'application/json' },
    payload,
  });

describe('errors, as a JSON client sees them', () => {
  it('404: the standard error body with the request id', async () => {
    const response = await t.app.inject({ url: '/no/such/thing', headers: json });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({
      error: {
        code: 'not_found',
        message: 'Nothing at GET /no/such/thing.',
        requestId: response.headers['x-request-id'],
      },
    });
  });

  it('500: says nothing of the cause', async () => {
    const response = await t.app.inject({ url: '/test/crash', headers: json });
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({
      error: {
        code: 'internal',
        message: 'Something went wrong on our side.',
        requestId: response.headers['x-request-id'],
      },
    });
  });

  it('an AppError: its status, code and message', async () => {
    const response = await t.app.inject({ url: '/test/conflict', headers: json });
    expect(response.statusCode).toBe(409);
    expect(response.json<{ error: unknown }>().error).toMatchObject({
      code: 'conflict',
      message: 'That name is taken.',
    });
  });

  it('malformed JSON: 400, and a body that breaks the schema: 400 naming the field', async () => {
    const malformed = await post('{"name": ');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json<{ error: unknown }>().error).toMatchObject({
      code: 'bad_request',
      message: 'The request body is not valid JSON.',
    });

    const invalid = await post('{"name": ""}');
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json<{ error: unknown }>().error).toMatchObject({
      code: 'validation_failed',
      details: [{ field: 'name', message: expect.any(String) as string }],
    });

    expect((await post('{"name": "Ada"}')).json()).toEqual({ name: 'Ada' });
  });

  it('an address that cannot be decoded, or a body shorter than it says: 400 in the same shape', async () => {
    const badUrl = await t.app.inject({ url: '/%E0%A4%A', headers: json });
    expect(badUrl.statusCode).toBe(400);
    expect(badUrl.json()).toEqual({
      error: {
        code: 'bad_request',
        message: 'This address is not valid: it has a broken %-escape.',
        requestId: badUrl.headers['x-request-id'],
      },
    });

    const short = await t.app.inject({
      method: 'POST',
      url: '/test/echo',
      headers: { ...json, 'content-type': 'application/json', 'content-length': '5' },
      payload: '{"name": "Ada"}',
    });
    expect(short.statusCode).toBe(400);
    expect(short.json<{ error: unknown }>().error).toMatchObject({
      code: 'bad_request',
      message: 'Request body size did not match Content-Length',
    });
  });

  it('keeps a well-formed request id from the client and replaces anything else', async () => {
    const kept = await t.app.inject({ url: '/health', headers: { 'x-request-id': 'proxy-42' } });
    expect(kept.headers['x-request-id']).toBe('proxy-42');
    const replaced = await t.app.inject({ url: '/health', headers: { 'x-request-id': 'bad id\twith tab' } });
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});
