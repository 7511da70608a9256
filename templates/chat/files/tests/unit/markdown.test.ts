import { describe, expect, it } from 'vitest';
import { renderMessage } from '../../src/core/markdown.js';

describe('renderMessage (Markdown → sanitised HTML)', () => {
  it('renders Markdown, with single line breaks kept as in a chat', () => {
    expect(renderMessage('**bold** and _em_\nnext line')).toBe(
      '<p><strong>bold</strong> and <em>em</em><br />\nnext line</p>',
    );
  });

  it('highlights fenced code by its language, and guesses without one', () => {
    const html = renderMessage('```js\nconst x = "a";\n```');
    expect(html).toContain('<pre><code class="hljs language-js">');
    expect(html).toContain('<span class="hljs-keyword">const</span>');
    expect(html).toContain('<span class="hljs-string">"a"</span>');
    expect(renderMessage('```\nSELECT * FROM users;\n```')).toMatch(/<span class="hljs-[\w-]+">SELECT<\/span>/);
  });

  it.each([
    ['<script>alert(1)</script>', /<script/],
    ['<img src=x onerror=alert(1)>', /<img/],
    ['[link](javascript:alert(1))', /href="javascript/],
    ['[link](data:text/html,x)', /href="data/],
    ['![tracker](https://example.com/pixel.png)', /<img/],
    ['<a href="https://x" onclick="alert(1)">x</a>', /<[^>]+onclick/],
  ])('makes %s harmless', (source, forbidden) => {
    expect(renderMessage(source)).not.toMatch(forbidden);
  });

  it('links open in a new tab without telling the other site where from', () => {
    expect(renderMessage('see https://example.com')).toBe(
      '<p>see <a href="https://example.com" rel="nofollow noopener noreferrer" target="_blank">https://example.com</a></p>',
    );
  });
});
