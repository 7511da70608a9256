import { describe, expect, it } from 'vitest';
import { signedIn } from '../helpers/accounts.js';
import { useTestApp } from '../helpers/app.js';

const t = useTestApp({ OFFLINE_TOKEN_DELAY_MS: '0' });

describe('job status, for admins', () => {
  it('shows the backend, the counts and the latest jobs to an admin, and nothing to a user', async () => {
    const user = await signedIn(t);
    const admin = await signedIn(t, { role: 'admin' });
    expect((await t.app.inject({ url: '/api/v1/admin/jobs', headers: user.headers })).statusCode).toBe(403);

    const { id } = (
      await t.app.inject({ method: 'POST', url: '/api/v1/conversations', headers: user.headers, payload: {} })
    ).json<{ id: number }>();
    await t.app.inject({
      method: 'POST',
      url: `/api/v1/conversations/${id}/messages`,
      headers: user.headers,
      payload: { content: 'hi' },
    });
    const pruning = await t.app.inject({ method: 'POST', url: '/api/v1/admin/jobs/prune', headers: admin.headers });
    expect(pruning.statusCode).toBe(202);

    const status = async () =>
      (await t.app.inject({ url: '/api/v1/admin/jobs', headers: admin.headers })).json<{
        backend: string;
        counts: Record<string, number>;
        recent: { name: string; state: string }[];
      }>();
    await expect.poll(async () => (await status()).counts.completed, { timeout: 5000 }).toBeGreaterThanOrEqual(3);
    const { backend, recent } = await status();
    expect(backend).toBe(process.env.REDIS_URL ? 'bullmq' : 'in-process');
    expect(recent.map((job) => job.name)).toEqual(expect.arrayContaining(['title', 'clean-history', 'prune']));
  });
});
