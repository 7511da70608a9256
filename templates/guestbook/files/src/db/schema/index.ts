export * from './messages.js';
export * from './sessions.js';
