export * from './users.js';
export * from './conversations.js';
export * from './api-keys.js';
