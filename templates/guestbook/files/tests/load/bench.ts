/**
 * `npm run bench`: the home page (the newest messages) and the form page of a guestbook with 200 messages, as an
 * anonymous browser asks for them — the most requests/s each serves, as a share of a bare Fastify route measured
 * in the same run (at least 2 %), and P99 under 50 ms at 500 requests/s on schedule. Exits 1 below the bar.
 *
 *   npm run bench                                   # PGlite
 *   DATABASE_URL=postgres://… npm run bench         # PostgreSQL (adds 200 fake messages there)
 *   npm run bench -- --rate 1000 --seconds 20       # another load
 *   npm run bench -- --keep                         # leave the app running, for hey or wrk
 */
import { bench, benchOptions } from './harness.js';

const headers = { accept: 'text/html' };
await bench(
  benchOptions({ rate: 500 }),
  { p99Ms: 50, minRatio: 0.02 },
  async () => [
    { name: 'home page', path: '/', headers },
    { name: 'second page', path: '/?page=2', headers },
  ],
  { seed: ['--count', '200'] },
);
