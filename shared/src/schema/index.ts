export * from './extensions.js';
export * from './version.js';
