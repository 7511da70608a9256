import type { Chrome } from './views/layout.js';

/** What the layout shows when nothing else is known; src/routes/index.tsx fills in the blog's own settings. */
export const site: Chrome = {
  siteName: 'Blog',
  tagline: '',
  description: 'A personal blog: posts, categories and comments.',
  footer: 'A study project: Fastify, Drizzle and server-rendered TSX.',
  styles: ['/static/blog.css'],
};
