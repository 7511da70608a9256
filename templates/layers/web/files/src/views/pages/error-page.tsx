import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Problem } from '../../core/errors.js';

const titles: Record<number, string> = {
  400: 'That did not work',
  403: 'Not allowed',
  404: 'Page not found',
  413: 'Too much at once',
  429: 'Slow down',
  500: 'Something went wrong',
};

/** 404, 500 and every other error, in the site's layout. */
export function ErrorPage({ problem }: { problem: Problem }) {
  return (
    <section class="error-page" aria-labelledby="error-title">
      <h1 id="error-title">{titles[problem.statusCode] ?? 'Error'}</h1>
      <p>{problem.message}</p>
      <p class="muted">
        Error {problem.statusCode} · request <code>{problem.requestId}</code>
      </p>
      <p>
        <a href="/">Back to the home page</a>
      </p>
    </section>
  );
}

/** How a browser is told of an error (src/plugins/views.tsx adds it to the error handler's formats). */
export function renderErrorPage(problem: Problem, _request: FastifyRequest, reply: FastifyReply) {
  return reply.page(titles[problem.statusCode] ?? 'Error', <ErrorPage problem={problem} />, problem.statusCode);
}
