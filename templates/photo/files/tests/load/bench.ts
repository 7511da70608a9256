/**
 * `npm run bench`: the feed and a photo page, as the seeded admin sees them after logging in through the login
 * form, on a database filled by `db:seed` (generated photos) — the most requests/s each serves, as a share of a
 * bare Fastify route measured in the same run, and P99 under 100 ms at 200 requests/s on schedule, no errors.
 * Exits 1 below the bar.
 *
 *   npm run bench                                   # PGlite
 *   npm run bench -- --rate 400 --seconds 20        # another load
 *   npm run bench -- --keep                         # leave the app running, for hey or wrk
 */
import { bench, benchOptions } from './harness.js';

const cookiesOf = (response: Response) =>
  response.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ');

await bench(
  benchOptions({ rate: 200, connections: 10 }),
  { p99Ms: 100 },
  async ({ url, seeded }) => {
    const password = /with the password (\S+)/.exec(seeded)?.[1];
    if (!password) throw new Error(`db:seed printed no admin password:\n${seeded}`);
    // Log in as a person does: the login page gives the session cookie and the form's CSRF token.
    const loginPage = await fetch(`${url}/login`, { headers: { accept: 'text/html' } });
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await loginPage.text())?.[1] ?? '';
    const login = await fetch(`${url}/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        cookie: cookiesOf(loginPage),
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'text/html',
      },
      body: new URLSearchParams({ _csrf: csrf, login: 'admin', password }),
    });
    const headers = { cookie: cookiesOf(login), accept: 'text/html' };
    if (login.status !== 303 || !headers.cookie) throw new Error(`logging in failed: ${login.status}`);
    const feed = await (await fetch(url, { headers })).text();
    const photo = /href="(\/photos\/\d+)"/.exec(feed)?.[1];
    if (!photo) throw new Error('the feed links to no photo');
    return [
      { name: 'feed', path: '/', headers },
      { name: 'photo page', path: photo, headers },
    ];
  },
  { seed: ['--users', '8', '--photos', '24'], env: { WRITE_RATE_LIMIT: '1000000', LOGIN_RATE_LIMIT: '1000' } },
);
