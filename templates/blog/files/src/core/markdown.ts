import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

// Raw HTML in the source is shown as text (html: false); links get no javascript:/data: URLs (markdown-it
// refuses them). The output is then cleaned again with an allow-list, as Bluelog does with bleach: what is not
// on the list cannot reach a page, whatever a future markdown-it version lets through.
const markdown = new MarkdownIt({ html: false, linkify: true, typographer: true });

const allowed: sanitizeHtml.IOptions = {
  allowedTags: [
    ...['p', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'code', 'em', 'strong', 's'],
    ...['ul', 'ol', 'li', 'a', 'img', 'table', 'thead', 'tbody', 'tr', 'th', 'td'],
  ],
  allowedAttributes: { a: ['href', 'title', 'rel'], img: ['src', 'alt', 'title'], ol: ['start'], code: ['class'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowedClasses: { code: [/^language-[\w-]+$/] },
  transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'nofollow noopener' }) },
};

/** Markdown → HTML that is safe to put in a page as it is. */
export function renderMarkdown(source: string): string {
  return sanitizeHtml(markdown.render(source), allowed);
}

/**
 * The first words of a Markdown text, as plain text (not HTML: the view escapes it once, as it does all text):
 * for post lists and mails.
 */
export function excerpt(source: string, length = 200): string {
  const text = plainText(markdown.parse(source, {})).replace(/\s+/g, ' ').trim();
  if (text.length <= length) return text;
  // Cut at a word: drop the last one unless the cut fell just after it.
  const cut = text.slice(0, length);
  return `${/\s/.test(text.charAt(length)) ? cut : cut.replace(/\s\S*$/, '')}…`;
}

type Token = ReturnType<typeof markdown.parse>[number];

// The words a reader sees, from markdown-it's tokens: raw HTML in the source is text here too (html: false),
// images are left out, and each block or line break becomes a space.
function plainText(tokens: Token[]): string {
  let text = '';
  for (const token of tokens) {
    if (token.type === 'image') continue;
    if (token.children) text += plainText(token.children);
    else if (['text', 'code_inline', 'code_block', 'fence'].includes(token.type)) text += token.content;
    if (token.block || token.type === 'softbreak' || token.type === 'hardbreak') text += ' ';
  }
  return text;
}
