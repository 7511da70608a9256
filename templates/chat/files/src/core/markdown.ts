import hljs from 'highlight.js/lib/common';
import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

/** Longest message, in characters of Markdown. */
export const messageMaxLength = 2000;

/**
 * Code blocks are highlighted on the server (CatChat used Pygments): highlight.js turns the code into spans with
 * `hljs-*` classes that public/chat.css colours. A fence's language is used when highlight.js knows it, and
 * guessed among a few languages otherwise: guessing costs a pass per language (among all ~190, seconds for one
 * long message, which anybody could send on purpose), so only the common ones are loaded and a few are guessed.
 */
const guessed = [
  'javascript',
  'typescript',
  'python',
  'bash',
  'sql',
  'json',
  'xml',
  'css',
  'java',
  'go',
  'rust',
  'cpp',
];
const markdown = new MarkdownIt({
  html: false,
  linkify: true,
  breaks: true,
  highlight(code, language) {
    const known = language && hljs.getLanguage(language) ? language : undefined;
    const result = known ? hljs.highlight(code, { language: known }) : hljs.highlightAuto(code, guessed);
    return `<pre><code class="hljs${known ? ` language-${known}` : ''}">${result.value}</code></pre>`;
  },
});

// Raw HTML in a message is shown as text (html: false); the output is cleaned again with an allow-list, as
// CatChat does with bleach. No images: a remote image in a message would tell its owner who read the chat.
const allowed: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'blockquote', 'pre', 'code', 'span', 'em', 'strong', 's', 'del', 'ul', 'ol', 'li', 'a'],
  allowedAttributes: { a: ['href', 'title', 'rel', 'target'], code: ['class'], span: ['class'], ol: ['start'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedClasses: { code: ['hljs', /^language-[\w-]+$/], span: [/^hljs-[\w-]+$/] },
  transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'nofollow noopener noreferrer', target: '_blank' }) },
};

/** A message's Markdown → HTML that is safe to put in a page as it is. */
export function renderMessage(source: string): string {
  return sanitizeHtml(markdown.render(source), allowed).trim();
}
