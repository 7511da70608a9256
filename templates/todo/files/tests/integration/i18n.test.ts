import { describe, expect, it } from 'vitest';
import { signedIn } from '../helpers/accounts.js';
import { useTestApp } from '../helpers/app.js';

const t = useTestApp();

describe('the API answers its errors in the language of Accept-Language', () => {
  it.each(['zh', 'zh-CN', 'zh-Hans-CN', 'zh-CN,zh;q=0.9,en;q=0.8'])('%s → 简体中文', async (language) => {
    const answer = await t.app.inject({ url: '/api/v1/user/items', headers: { 'accept-language': language } });
    expect(answer.statusCode).toBe(401);
    expect(answer.json()).toMatchObject({
      error: { code: 'unauthorized', message: '请发送访问令牌：Authorization: Bearer <token>。' },
    });
    expect(answer.headers['content-language']).toBe('zh-CN');
    expect(answer.headers.vary).toMatch(/Accept-Language/);
  });

  it('English by default, and for languages it does not have', async () => {
    for (const headers of [{}, { 'accept-language': 'de-DE' }, { 'accept-language': 'en-GB' }]) {
      const answer = await t.app.inject({ url: '/api/v1/user/items', headers });
      expect(answer.json()).toMatchObject({
        error: { message: 'Send an access token: Authorization: Bearer <token>.' },
      });
      expect(answer.headers['content-language']).toBe('en');
    }
  });

  it('translates validation messages field by field, messages with a varying part, and the OAuth errors', async () => {
    const { headers } = await signedIn(t);
    const zh = { ...headers, 'accept-language': 'zh-CN' };
    const empty = await t.app.inject({
      method: 'POST',
      url: '/api/v1/user/items',
      headers: zh,
      payload: { title: ' ' },
    });
    expect(empty.json()).toMatchObject({
      error: { message: '请求无效。', details: [{ field: 'title', message: '请写下要做的事。' }] },
    });
    const missing = await t.app.inject({ url: '/api/v1/user/items/77', headers: zh });
    expect(missing.json()).toMatchObject({ error: { message: '没有编号为 77 的待办事项。' } });
    const grant = await t.app.inject({
      method: 'POST',
      url: '/api/v1/oauth/token',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'accept-language': 'zh' },
      payload: 'grant_type=password&username=a%40example.com&password=nope',
    });
    expect(grant.json()).toEqual({ error: 'invalid_grant', error_description: '邮箱或密码错误。' });
  });

  it('leaves successful answers alone', async () => {
    const { headers } = await signedIn(t);
    const answer = await t.app.inject({ url: '/api/v1/user/items', headers: { ...headers, 'accept-language': 'zh' } });
    expect(answer.statusCode).toBe(200);
    expect(answer.headers['content-language']).toBeUndefined();
  });
});

describe('CORS: the SPA’s dev origin only', () => {
  const preflight = (origin: string) =>
    t.app.inject({
      method: 'OPTIONS',
      url: '/api/v1/user/items',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization' },
    });

  it('answers the Vite dev server (the default CORS_ORIGINS), and no other origin', async () => {
    const allowed = await preflight('http://localhost:5173');
    expect(allowed.statusCode).toBe(204);
    expect(allowed.headers['access-control-allow-origin']).toBe('http://localhost:5173');
    expect(allowed.headers['access-control-allow-credentials']).toBeUndefined();
    for (const origin of ['http://evil.example', 'http://localhost:5174', 'https://localhost:5173'])
      expect((await preflight(origin)).headers['access-control-allow-origin']).toBeUndefined();
  });
});
