import { describe, expect, it } from 'vitest';
import { excerpt, renderMarkdown } from '../../src/core/markdown.js';

describe('renderMarkdown', () => {
  it('renders Markdown', () => {
    expect(renderMarkdown('# Title\n\nSome **bold** and a [link](https://example.com).')).toBe(
      '<h1>Title</h1>\n<p>Some <strong>bold</strong> and a <a href="https://example.com" rel="nofollow noopener">link</a>.</p>\n',
    );
  });

  // What must never come out: an element or attribute that runs script. The text of the attempt may remain,
  // escaped (it is then only text on the page).
  it.each([
    ['a script tag', '<script>alert(1)</script>', /<script/i],
    ['an event handler', '<img src="x" onerror="alert(1)">', /<img[^>]*onerror/i],
    ['a javascript: link', '[click](javascript:alert(1))', /href\s*=\s*["']?\s*javascript:/i],
    ['a javascript: link, disguised', '[click](JaVaScRiPt&colon;alert(1))', /href\s*=\s*["']?\s*javascript/i],
    ['a data: image', '![x](data:text/html;base64,PHNjcmlwdD4=)', /src\s*=\s*["']?\s*data:/i],
    ['an iframe', '<iframe src="https://evil.example"></iframe>', /<iframe/i],
  ])('neutralises %s', (_name, source, forbidden) => {
    expect(renderMarkdown(source)).not.toMatch(forbidden);
  });

  it('shows raw HTML as text', () => {
    expect(renderMarkdown('<b>bold?</b>')).toBe('<p>&lt;b&gt;bold?&lt;/b&gt;</p>\n');
  });

  it('keeps code blocks and their language', () => {
    expect(renderMarkdown('```ts\nconst a = 1 < 2;\n```')).toBe(
      '<pre><code class="language-ts">const a = 1 &lt; 2;\n</code></pre>\n',
    );
  });
});

describe('excerpt', () => {
  it('gives the first words as plain text, cut at a word', () => {
    expect(excerpt('# Hello\n\nThis is **a** post about things.', 20)).toBe('Hello This is a post…');
  });

  // The view escapes the excerpt like any text: entities here would be shown to the reader as "&amp;".
  it('keeps &, < and quotes as the characters they are, and leaves images out', () => {
    expect(excerpt('Tom & Jerry say 1 < 2 and <b>hi</b>.\n\n![a cat](https://example.com/cat.png) `a && b`')).toBe(
      'Tom & Jerry say 1 < 2 and <b>hi</b>. a && b',
    );
  });
});
