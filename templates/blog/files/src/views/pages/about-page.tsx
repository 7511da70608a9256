import { renderMarkdown } from '../../core/markdown.js';

export function AboutPage({ about }: { about: string }) {
  return (
    <article class="post" aria-labelledby="about-title">
      <h1 id="about-title">About</h1>
      {/* The admin writes Markdown; it is sanitised like a post. */}
      <div class="post-body" dangerouslySetInnerHTML={{ __html: renderMarkdown(about) }} />
    </article>
  );
}
