import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import { describe, expect, it } from 'vitest';
import { signedIn } from '../helpers/accounts.js';
import { useTestApp } from '../helpers/app.js';

describe('the OpenAPI document and the docs page', () => {
  const t = useTestApp();

  it('describes the routes from their zod schemas, with the bearer scheme', async () => {
    const document = (await t.app.inject({ url: '/docs/json' })).json<{
      openapi: string;
      paths: Record<string, Record<string, { requestBody?: unknown; security?: unknown }>>;
      components: { securitySchemes: Record<string, unknown> };
    }>();
    expect(document.openapi).toMatch(/^3\./);
    expect(document.components.securitySchemes.bearerAuth).toEqual({
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'JWT',
    });
    expect(document.paths['/api/v1/auth/login']?.post?.requestBody).toMatchObject({
      content: { 'application/json': { schema: { properties: { email: { type: 'string' } } } } },
    });
    expect(document.paths['/api/v1/users/me']?.get?.security).toEqual([{ bearerAuth: [] }]);
    expect(Object.keys(document.paths)).not.toContain('/metrics');
  });

  it('serves the interactive page and its scripts from the npm package (no CDN: works offline)', async () => {
    const page = await t.app.inject({ url: '/docs' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('swagger-ui');
    expect(page.body).not.toMatch(/https?:\/\/(?!127\.0\.0\.1|localhost)[^"']+\.js/);
    const script = await t.app.inject({ url: '/docs/static/swagger-ui-bundle.js' });
    expect(script.statusCode).toBe(200);
  });
});

describe('CORS', () => {
  const t = useTestApp({ CORS_ORIGINS: 'http://localhost:5173, http://app.example' });
  const preflight = (origin: string) =>
    t.app.inject({
      method: 'OPTIONS',
      url: '/api/v1/users/me',
      headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
    });

  it('answers the allowed origins, and no other', async () => {
    expect((await preflight('http://app.example')).headers['access-control-allow-origin']).toBe('http://app.example');
    expect((await preflight('http://evil.example')).headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('rate limit', () => {
  const t = useTestApp({ RATE_LIMIT: '3' });

  it('answers 429 with Retry-After and the standard error body once a user is over the limit', async () => {
    const { headers } = await signedIn(t);
    const responses = [];
    for (let i = 0; i < 5; i++) responses.push(await t.app.inject({ url: '/api/v1/users/me', headers }));
    expect(responses.map((response) => response.statusCode)).toEqual([200, 200, 200, 429, 429]);
    const last = responses[4]!;
    expect(Number(last.headers['retry-after'])).toBeGreaterThan(0);
    expect(last.json()).toMatchObject({ error: { code: 'rate_limited', requestId: last.headers['x-request-id'] } });
    // Counted per user: another user has their own allowance.
    const other = await signedIn(t);
    expect((await t.app.inject({ url: '/api/v1/users/me', headers: other.headers })).statusCode).toBe(200);
    // Liveness and metrics are never limited: a load balancer must always get its answer.
    expect((await t.app.inject({ url: '/health' })).statusCode).toBe(200);
  });
});

describe('GET /metrics', () => {
  const t = useTestApp();

  it('is Prometheus text with the latency histogram of each route', async () => {
    await t.app.inject({ url: '/health' });
    const response = await t.app.inject({ url: '/metrics' });
    expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    // An independent parser (not prom-client, which wrote the text) must read every line of it. It folds a
    // histogram's labelled series into one, so the series of a route is looked for in the text itself.
    const families = parsePrometheusTextFormat(response.body);
    const types = Object.fromEntries(families.map((family) => [family.name, family.type]));
    expect(types).toMatchObject({ http_request_duration_seconds: 'HISTOGRAM', process_cpu_seconds_total: 'COUNTER' });
    expect(response.body).toContain(
      'http_request_duration_seconds_count{method="GET",route="/health",status_code="200"} 1',
    );
  });
});
