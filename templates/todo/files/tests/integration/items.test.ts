import { describe, expect, it } from 'vitest';
import { signedIn } from '../helpers/accounts.js';
import { useTestApp } from '../helpers/app.js';

const t = useTestApp();

async function client() {
  const { headers, user } = await signedIn(t);
  const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) =>
    t.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });
  return { call, user, headers };
}

describe('/api/v1/user/items', () => {
  it('create → read → update → delete, with the status codes and the Location of a new item', async () => {
    const { call } = await client();
    const created = await call('POST', '/api/v1/user/items', { title: '  buy some cheese  ' });
    expect(created.statusCode).toBe(201);
    const item = created.json<{ id: number; self: string }>();
    expect(created.headers.location).toBe(`/api/v1/user/items/${item.id}`);
    expect(created.json()).toMatchObject({ kind: 'Item', title: 'buy some cheese', completed: false, self: item.self });

    expect((await call('GET', item.self)).json()).toMatchObject({ id: item.id, title: 'buy some cheese' });
    const changed = await call('PATCH', item.self, { completed: true, title: 'buy some sausages' });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ completed: true, title: 'buy some sausages' });

    const deleted = await call('DELETE', item.self);
    expect(deleted.statusCode).toBe(204);
    expect(deleted.body).toBe('');
    expect((await call('GET', item.self)).statusCode).toBe(404);
  });

  it('lists with pagination links, ?filter, and the counts', async () => {
    const { call } = await client();
    for (let i = 1; i <= 5; i++)
      await call('POST', '/api/v1/user/items', { title: `todo ${i}`, completed: i % 2 === 0 });
    const page = await call('GET', '/api/v1/user/items?pageSize=2&page=2');
    expect(page.json()).toMatchObject({
      kind: 'ItemCollection',
      page: 2,
      pageCount: 3,
      total: 5,
      prev: '/api/v1/user/items?filter=all&page=1&pageSize=2',
      next: '/api/v1/user/items?filter=all&page=3&pageSize=2',
      first: '/api/v1/user/items?filter=all&page=1&pageSize=2',
      last: '/api/v1/user/items?filter=all&page=3&pageSize=2',
      counts: { all: 5, active: 3, completed: 2 },
    });
    const titles = (url: string) =>
      call('GET', url).then((r) => r.json<{ items: { title: string }[] }>().items.map((item) => item.title));
    expect(await titles('/api/v1/user/items?filter=completed')).toEqual(['todo 2', 'todo 4']);
    expect(await titles('/api/v1/user/items?filter=active')).toEqual(['todo 1', 'todo 3', 'todo 5']);
    expect((await call('GET', '/api/v1/user/items?page=9')).statusCode).toBe(404);
  });

  it('toggle all and clear completed', async () => {
    const { call } = await client();
    for (const title of ['a', 'b', 'c']) await call('POST', '/api/v1/user/items', { title });
    const all = await call('PATCH', '/api/v1/user/items', { completed: true });
    expect(all.json()).toEqual({ updated: 3, counts: { all: 3, active: 0, completed: 3 } });
    const cleared = await call('DELETE', '/api/v1/user/items/completed');
    expect(cleared.json()).toEqual({ deleted: 3, counts: { all: 0, active: 0, completed: 0 } });
  });

  it('another user’s item is a 404, and stays as it was', async () => {
    const owner = await client();
    const other = await client();
    const { self } = (await owner.call('POST', '/api/v1/user/items', { title: 'mine' })).json<{ self: string }>();
    for (const [method, payload] of [['GET'], ['PATCH', { completed: true }], ['DELETE']] as const) {
      const answer = await other.call(method, self, payload);
      expect(answer.statusCode).toBe(404);
      expect(answer.json()).toMatchObject({ error: { code: 'not_found' } });
    }
    expect((await owner.call('GET', self)).json()).toMatchObject({ title: 'mine', completed: false });
  });

  it('needs a valid bearer token', async () => {
    expect((await t.app.inject({ url: '/api/v1/user/items' })).statusCode).toBe(401);
    const forged = await t.app.inject({ url: '/api/v1/user/items', headers: { authorization: 'Bearer not.a.jwt' } });
    expect(forged.statusCode).toBe(401);
    expect(forged.headers['www-authenticate']).toBe('Bearer');
  });

  it('GET /api/v1/user: the user with the counts of their list', async () => {
    const { call, user } = await client();
    await call('POST', '/api/v1/user/items', { title: 'a', completed: true });
    expect((await call('GET', '/api/v1/user')).json()).toMatchObject({
      kind: 'User',
      id: user.id,
      email: user.email,
      items: '/api/v1/user/items',
      counts: { all: 1, active: 0, completed: 1 },
    });
  });
});

describe('bad input: a 400 with the error body, and nothing stored', () => {
  const stored = async (call: Awaited<ReturnType<typeof client>>['call']) =>
    (await call('GET', '/api/v1/user/items')).json<{ total: number }>().total;

  it.each([
    ['an empty title', { title: '' }, 'title'],
    ['a title of spaces', { title: '   \n\t ' }, 'title'],
    ['a title of 501 characters', { title: 'x'.repeat(501) }, 'title'],
    ['a number for the title', { title: 42 }, 'title'],
    ['no title', {}, 'title'],
    ['a string for completed', { title: 'ok', completed: 'yes' }, 'completed'],
  ])('POST with %s', async (_case, payload, field) => {
    const { call } = await client();
    const answer = await call('POST', '/api/v1/user/items', payload);
    expect(answer.statusCode).toBe(400);
    expect(answer.json()).toMatchObject({
      error: { code: 'validation_failed', requestId: answer.headers['x-request-id'], details: [{ field }] },
    });
    expect(await stored(call)).toBe(0);
  });

  it('a title of exactly 500 characters is fine', async () => {
    const { call } = await client();
    expect((await call('POST', '/api/v1/user/items', { title: 'x'.repeat(500) })).statusCode).toBe(201);
  });

  it('an empty change, a wrong type, or a body that is not JSON changes nothing', async () => {
    const { call, headers } = await client();
    const { self } = (await call('POST', '/api/v1/user/items', { title: 'keep me' })).json<{ self: string }>();
    expect((await call('PATCH', self, {})).statusCode).toBe(400);
    expect((await call('PATCH', self, { title: ' ' })).statusCode).toBe(400);
    expect((await call('PATCH', self, { completed: 1 })).statusCode).toBe(400);
    expect((await call('PATCH', '/api/v1/user/items', { completed: 'all' })).statusCode).toBe(400);
    const broken = await t.app.inject({
      method: 'PATCH',
      url: self,
      headers: { ...headers, 'content-type': 'application/json' },
      payload: '{"title": ',
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json()).toMatchObject({ error: { code: 'bad_request' } });
    expect((await call('GET', self)).json()).toMatchObject({ title: 'keep me', completed: false });
  });

  it('a body over 64 KB is a 413', async () => {
    const { call } = await client();
    const answer = await call('POST', '/api/v1/user/items', { title: 'x'.repeat(70_000) });
    expect(answer.statusCode).toBe(413);
    expect(answer.json()).toMatchObject({ error: { code: 'payload_too_large' } });
    expect(await stored(call)).toBe(0);
  });

  it.each([
    ['2147483648', 400], // 2^31: past the integer column
    ['9007199254740993', 400], // 2^53 + 1
    ['1e3', 400], // only decimal digits are an id (decision 19), not 1000
    ['-1', 400],
    ['0', 400],
    ['1.5', 400],
    ['abc', 400],
    ['2147483647', 404],
  ])('the id %s is a %i, never a 500', async (id, status) => {
    const { call } = await client();
    for (const method of ['GET', 'DELETE'] as const)
      expect((await call(method, `/api/v1/user/items/${id}`)).statusCode).toBe(status);
    expect((await call('PATCH', `/api/v1/user/items/${id}`, { completed: true })).statusCode).toBe(status);
  });

  it.each(['?page=0', '?page=abc', '?pageSize=101', '?pageSize=0', '?filter=done', '?page=99999999999'])(
    'the list with %s is a 400',
    async (query) => {
      const { call } = await client();
      expect((await call('GET', `/api/v1/user/items${query}`)).statusCode).toBe(400);
    },
  );
});
