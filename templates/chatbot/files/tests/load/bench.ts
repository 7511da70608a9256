/**
 * `npm run bench`: the seed's 验收标准 for the non-model endpoints, one at a time — the most requests/s each serves,
 * as a share of a bare Fastify route measured in the same run, and P99 under 100 ms at 1,000 requests/s on
 * schedule (the seed asks for 200 ms), no errors. It starts the app as its own process (PGlite, or the PostgreSQL
 * of DATABASE_URL, with Redis when REDIS_URL is set), registers a user with five conversations, and exits 1 when
 * an endpoint misses the bar.
 *
 *   npm run bench                                   # PGlite
 *   DATABASE_URL=postgres://… REDIS_URL=redis://… npm run bench
 *   npm run bench -- --rate 2000 --seconds 20       # another load
 *   npm run bench -- --keep                         # leave the app running, for hey or wrk
 */
import { bench, benchOptions } from './harness.js';

await bench(
  benchOptions({ rate: 1000 }),
  { p99Ms: 100 },
  async ({ url }) => {
    const post = async (path: string, body: unknown, token?: string) => {
      const response = await fetch(`${url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
        body: JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
      return (await response.json()) as Record<string, unknown>;
    };
    const account = { email: `bench-${Date.now()}@example.com`, name: 'Bench', password: 'a bench passphrase' };
    await post('/api/v1/auth/register', account);
    const token = String((await post('/api/v1/auth/login', account)).accessToken);
    let id = 0;
    for (let i = 0; i < 5; i++) {
      ({ id } = (await post('/api/v1/conversations', { title: `Conversation ${i}` }, token)) as { id: number });
      await post(`/api/v1/conversations/${id}/messages`, { content: `Question ${i}` }, token);
    }
    const headers = { authorization: `Bearer ${token}` };
    return [
      { name: 'conversations', path: '/api/v1/conversations', headers },
      { name: 'a conversation', path: `/api/v1/conversations/${id}`, headers },
      { name: 'me', path: '/api/v1/users/me', headers },
      { name: 'usage', path: '/api/v1/usage', headers },
    ];
  },
  { env: { RATE_LIMIT: '1000000', AUTH_RATE_LIMIT: '1000', OFFLINE_TOKEN_DELAY_MS: '0' } },
);
