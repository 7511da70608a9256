import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import { describe, expect, it } from 'vitest';
import { signedIn } from '../helpers/accounts.js';
import { useTestApp } from '../helpers/app.js';

const t = useTestApp({ OFFLINE_TOKEN_DELAY_MS: '0' });

describe('GET /metrics of the chat bot', () => {
  it('parses as Prometheus text and has the latency histogram, tokens, provider errors and queue depth', async () => {
    const { headers } = await signedIn(t);
    const { id } = (await t.app.inject({ method: 'POST', url: '/api/v1/conversations', headers, payload: {} })).json<{
      id: number;
    }>();
    const answer = await t.app.inject({
      method: 'POST',
      url: `/api/v1/conversations/${id}/messages`,
      headers,
      payload: { content: 'count my tokens' },
    });
    const { tokens } = answer.json<{ message: { tokens: number } }>().message;

    const text = (await t.app.inject({ url: '/metrics' })).body;
    // Read by an independent parser, which throws on any line that is not valid Prometheus text.
    const families = Object.fromEntries(parsePrometheusTextFormat(text).map((family) => [family.name, family]));
    expect(families.http_request_duration_seconds?.type).toBe('HISTOGRAM');
    expect(families.chat_tokens_total?.type).toBe('COUNTER');
    expect(families.chat_tokens_total?.metrics).toContainEqual({
      labels: { provider: 'offline', kind: 'completion' },
      value: String(tokens),
    });
    expect(families.provider_errors_total?.type).toBe('COUNTER');
    expect(families.response_cache_requests_total?.metrics).toContainEqual({ labels: { result: 'miss' }, value: '1' });
    expect(families.job_queue_depth?.type).toBe('GAUGE');
    expect(families.job_queue_depth?.metrics.map((m) => m.labels?.state)).toEqual(
      expect.arrayContaining(['waiting', 'active', 'completed', 'failed', 'delayed']),
    );
    expect(text).toMatch(
      /http_request_duration_seconds_count\{method="POST",route="\/api\/v1\/conversations\/:id\/messages",status_code="200"\} 1/,
    );
  });
});
