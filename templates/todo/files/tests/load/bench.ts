/**
 * `npm run bench`: the API's two busiest endpoints, the list (GET /api/v1/user/items, all and active) and the
 * toggle (PATCH /api/v1/user/items/:id), for a demo account with 16 items — the most requests/s each serves, as a
 * share of a bare Fastify route measured in the same run, and P99 under 50 ms at 500 requests/s on schedule, no
 * errors. Exits 1 below the bar.
 *
 *   npm run bench                                   # PGlite
 *   DATABASE_URL=postgres://… npm run bench         # PostgreSQL
 *   npm run bench -- --rate 1000 --seconds 20       # another load
 *   npm run bench -- --keep                         # leave the app running, for hey or wrk
 */
import { bench, benchOptions } from './harness.js';

await bench(
  benchOptions({ rate: 500 }),
  { p99Ms: 50 },
  async ({ url }) => {
    const demo = (await (await fetch(`${url}/api/v1/demo`, { method: 'POST' })).json()) as Record<string, string>;
    const token = await fetch(`${url}/api/v1/oauth/token`, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'password', username: demo.email!, password: demo.password! }),
    });
    const { access_token } = (await token.json()) as { access_token: string };
    const headers = { authorization: `Bearer ${access_token}`, 'content-type': 'application/json' };
    let id = 0;
    for (let i = 0; i < 16; i++) {
      const created = await fetch(`${url}/api/v1/user/items`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ title: `Bench item ${i}` }),
      });
      ({ id } = (await created.json()) as { id: number });
    }
    return [
      { name: 'list', path: '/api/v1/user/items', headers },
      { name: 'active items', path: '/api/v1/user/items?filter=active', headers },
      { name: 'toggle', method: 'PATCH', path: `/api/v1/user/items/${id}`, headers, body: '{"completed":true}' },
    ];
  },
  { env: { ACCESS_TOKEN_TTL: '3600', RATE_LIMIT: '1000000' } },
);
