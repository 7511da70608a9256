export * from './users.js';
export * from './items.js';
