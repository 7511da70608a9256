import { describe, expect, it } from 'vitest';
import { signedIn } from '../helpers/accounts.js';
import { useTestApp } from '../helpers/app.js';

// Every route with an id in its address: the ids are PostgreSQL integers, so an id the column cannot hold is the
// client's mistake (400), never the database's refusal (500). Only decimal digits are an id: `1e3` is refused.
describe('ids in addresses', () => {
  const t = useTestApp({ OFFLINE_TOKEN_DELAY_MS: '0' });

  const routes: { method: 'GET' | 'PATCH' | 'DELETE' | 'POST'; url: (id: string) => string; payload?: object }[] = [
    { method: 'GET', url: (id: string) => `/api/v1/conversations/${id}` },
    { method: 'PATCH', url: (id: string) => `/api/v1/conversations/${id}`, payload: { title: 'Renamed' } },
    { method: 'DELETE', url: (id: string) => `/api/v1/conversations/${id}` },
    { method: 'POST', url: (id: string) => `/api/v1/conversations/${id}/messages`, payload: { content: 'Hi' } },
    { method: 'DELETE', url: (id: string) => `/api/v1/api-keys/${id}` },
    { method: 'PATCH', url: (id: string) => `/api/v1/admin/users/${id}`, payload: { role: 'user' } },
  ];

  it.each(['2147483648', '9007199254740992', '99999999999', '1e3', '-1', 'abc', '0', '1.5'])(
    'refuses the id %j on every route with 400 and says what an id is',
    async (bad) => {
      const { headers } = await signedIn(t, { role: 'admin' });
      for (const route of routes) {
        const response = await t.app.inject({
          method: route.method,
          url: route.url(bad),
          headers,
          payload: route.payload,
        });
        const where = `${route.method} ${route.url(bad)}`;
        expect(response.statusCode, where).toBe(400);
        expect(response.json(), where).toEqual({
          error: {
            code: 'validation_failed',
            message: 'The request is not valid.',
            requestId: response.headers['x-request-id'],
            details: [{ field: 'id', message: 'An id is a whole number from 1 to 2147483647.' }],
          },
        });
      }
    },
  );

  it('takes the largest id the column holds: nothing there is a 404', async () => {
    const { headers } = await signedIn(t, { role: 'admin' });
    for (const route of routes) {
      const response = await t.app.inject({
        method: route.method,
        url: route.url('2147483647'),
        headers,
        payload: route.payload,
      });
      expect(response.statusCode, `${route.method} ${route.url('2147483647')}`).toBe(404);
    }
  });
});
