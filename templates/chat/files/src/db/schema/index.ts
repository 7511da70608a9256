export * from './chat.js';
export * from './sessions.js';
