export * from './blog.js';
export * from './sessions.js';
