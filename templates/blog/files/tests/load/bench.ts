/**
 * `npm run bench`: the home page, a category page and a post with its comments, as an anonymous reader asks for
 * them, on a blog seeded with fake posts — the most requests/s each serves, as a share of a bare Fastify route
 * measured in the same run (at least 2 %), and P99 under 50 ms at 500 requests/s on schedule. Exits 1 below the
 * bar.
 *
 *   npm run bench                                   # PGlite
 *   DATABASE_URL=postgres://… npm run bench         # PostgreSQL (adds fake posts there)
 *   npm run bench -- --rate 1000 --seconds 20       # another load
 *   npm run bench -- --keep                         # leave the app running, for hey or wrk
 */
import { bench, benchOptions } from './harness.js';

const headers = { accept: 'text/html' };
await bench(
  benchOptions({ rate: 500 }),
  { p99Ms: 50, minRatio: 0.02 },
  async ({ url }) => {
    // A post and a category the reader can open, found as a reader finds them: on the home page.
    const home = await (await fetch(url, { headers })).text();
    const post = /href="(\/posts\/[^"]+)"/.exec(home)?.[1];
    const category = /href="(\/categories\/[^"]+)"/.exec(home)?.[1];
    if (!post || !category) throw new Error('the seeded home page links to no post or category');
    return [
      { name: 'home page', path: '/', headers },
      { name: 'category page', path: category, headers },
      { name: 'post page', path: post, headers },
    ];
  },
  { seed: [] },
);
