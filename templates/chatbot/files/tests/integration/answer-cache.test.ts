import { describe, expect, it } from 'vitest';
import { signedIn } from '../helpers/accounts.js';
import { useTestApp } from '../helpers/app.js';

// The offline model is deterministic, so its answers are cached (CACHE_TTL_SECONDS). `cached: true` tells a user
// the same prompt was asked before: only their own asking may count, or they learn what somebody else sent.
describe('the answer cache', () => {
  const t = useTestApp({ OFFLINE_TOKEN_DELAY_MS: '0' });

  async function ask(headers: Record<string, string>, content: string) {
    const { id } = (await t.app.inject({ method: 'POST', url: '/api/v1/conversations', headers, payload: {} })).json<{
      id: number;
    }>();
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/v1/conversations/${id}/messages`,
      headers,
      payload: { content },
    });
    expect(response.statusCode).toBe(200);
    return response.json<{ cached: boolean; message: { content: string } }>();
  }

  it('is per user: user B asking what user A asked gets a fresh answer, A gets the cached one', async () => {
    const a = await signedIn(t);
    const b = await signedIn(t);
    const question = 'Is my secret plan any good?';
    const first = await ask(a.headers, question);
    expect(first.cached).toBe(false);

    const other = await ask(b.headers, question);
    expect(other.cached).toBe(false);
    expect(other.message.content).toBe(first.message.content);

    expect((await ask(a.headers, question)).cached).toBe(true);
    expect((await ask(b.headers, question)).cached).toBe(true);
  });
});
