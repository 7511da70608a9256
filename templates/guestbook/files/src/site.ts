import type { Chrome } from './views/layout.js';

/** What the layout shows on every page. */
export const site: Chrome = {
  siteName: 'Guestbook',
  tagline: 'Leave a message — say hello to the world.',
  description: 'A guestbook: leave your name and a message.',
  footer: 'A study project: Fastify, Drizzle and server-rendered TSX.',
  styles: ['/static/guestbook.css'],
};
