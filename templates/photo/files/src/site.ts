import type { Chrome } from './views/layout.js';

/** What the layout shows when nothing else is known; src/routes/index.tsx adds the visitor's links. */
export const site: Chrome = {
  siteName: 'Album',
  tagline: 'Photos, shared',
  description: 'A photo sharing site: upload, tag, comment, collect and follow.',
  footer: 'A study project: Fastify, Drizzle, sharp and server-rendered TSX.',
  styles: ['/static/photo.css'],
};
