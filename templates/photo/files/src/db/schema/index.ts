export * from './photo.js';
export * from './sessions.js';
