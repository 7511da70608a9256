import type { InjectOptions } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { AccessTokens } from '../../src/core/tokens.js';
import { signedIn } from '../helpers/accounts.js';
import { useTestApp } from '../helpers/app.js';
import { Contract, type OpenApiDocument, type Recorded } from '../helpers/contract.js';

const t = useTestApp({ AUTH_RATE_LIMIT: '1000' });
let contract: Contract;

beforeAll(async () => {
  contract = new Contract((await t.app.inject({ url: '/docs/json' })).json<OpenApiDocument>());
});

/** Sends a request and keeps what came back, to be held against the document. */
async function record(answers: Recorded[], options: InjectOptions & { url: string }) {
  const response = await t.app.inject(options);
  answers.push({
    method: options.method ?? 'GET',
    url: options.url,
    status: response.statusCode,
    contentType: response.headers['content-type'],
    body: response.body,
  });
  return response;
}

describe('the OpenAPI document and the real answers agree', () => {
  it('is OpenAPI 3 with an operationId for each of this app’s operations', () => {
    expect(contract.document.openapi).toMatch(/^3\./);
    const mine = [
      '/api/v1/user/items',
      '/api/v1/user/items/{id}',
      '/api/v1/oauth/token',
      '/api/v1/demo',
      '/api/v1/user',
    ];
    for (const path of mine)
      for (const operation of Object.values(contract.document.paths[path] ?? {}))
        expect(operation.operationId).toBeTruthy();
  });

  it('every answer of a session that uses every operation, errors included, matches its documented schema', async () => {
    const answers: Recorded[] = [];
    const form = (payload: string) => ({
      method: 'POST' as const,
      url: '/api/v1/oauth/token',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload,
    });
    await record(answers, { url: '/api/v1' });
    const demo = (await record(answers, { method: 'POST', url: '/api/v1/demo' })).json<{
      email: string;
      password: string;
    }>();
    const login = `grant_type=password&username=${encodeURIComponent(demo.email)}&password=${encodeURIComponent(demo.password)}`;
    const pair = (await record(answers, form(login))).json<{ access_token: string; refresh_token: string }>();
    await record(answers, form(`grant_type=refresh_token&refresh_token=${pair.refresh_token}`));
    await record(answers, form('grant_type=password&username=a%40example.com&password=wrong'));
    await record(answers, form('grant_type=implicit'));

    const { headers } = await signedIn(t);
    const as = (options: InjectOptions & { url: string }) => record(answers, { ...options, headers });
    await as({ url: '/api/v1/user' });
    const created = (await as({ method: 'POST', url: '/api/v1/user/items', payload: { title: 'contract' } })).json<{
      self: string;
    }>();
    await as({ method: 'POST', url: '/api/v1/user/items', payload: { title: '' } });
    await as({ url: '/api/v1/user/items?filter=active&pageSize=1' });
    await as({ url: '/api/v1/user/items?filter=nope' });
    await as({ url: '/api/v1/user/items?page=5' });
    await as({ url: created.self });
    await as({ url: '/api/v1/user/items/99999' });
    await as({ method: 'PATCH', url: created.self, payload: { completed: true } });
    await as({ method: 'PATCH', url: created.self, payload: {} });
    await as({ method: 'PATCH', url: '/api/v1/user/items', payload: { completed: false } });
    await as({ method: 'DELETE', url: '/api/v1/user/items/completed' });
    await as({ method: 'DELETE', url: created.self });
    await as({ method: 'DELETE', url: created.self });
    await record(answers, { url: '/api/v1/user/items' });
    const expired = await new AccessTokens(t.config.JWT_SECRET, 60).sign({ userId: 1, role: 'user' }, new Date(0));
    await record(answers, { url: '/api/v1/user', headers: { authorization: `Bearer ${expired}` } });

    expect(answers.flatMap((answer) => contract.check(answer))).toEqual([]);
    expect(answers.map((answer) => answer.status).sort()).toEqual(
      expect.arrayContaining([200, 201, 204, 400, 401, 404]) as number[],
    );
    // Every operation of the todo API took part.
    expect([...contract.exercised].sort()).toEqual(
      expect.arrayContaining([
        'clearCompletedItems',
        'completeAllItems',
        'createDemoAccount',
        'createItem',
        'deleteItem',
        'getIndex',
        'getItem',
        'getUser',
        'issueToken',
        'listItems',
        'updateItem',
      ]) as string[],
    );
  });

  it('catches an answer that breaks the document (the check can fail)', () => {
    const problems = contract.check({
      method: 'GET',
      url: '/api/v1/user/items/1',
      status: 200,
      contentType: 'application/json',
      body: JSON.stringify({ id: '1', title: 3 }),
    });
    expect(problems.length).toBeGreaterThan(0);
    expect(
      contract.check({ method: 'GET', url: '/api/v1/user/items/1', status: 418, contentType: undefined, body: '' }),
    ).toEqual(['getItem: status 418 is not documented']);
  });
});
