import type { Chrome } from './views/layout.js';

/** What the layout shows when nothing else is known; src/routes/index.tsx adds the rooms and who is signed in. */
export const site: Chrome = {
  siteName: 'CatChat',
  tagline: 'Chatroom for coders, not cats.',
  description: 'A real-time chat room: rooms, an anonymous room, Markdown with code highlighting.',
  footer: 'A study project: Fastify, Socket.IO, Drizzle and server-rendered TSX.',
  styles: ['/static/chat.css'],
};
