// Fixtures for tests in every workspace, imported as `@bullseye/shared/testing` (shared's own tests
// import them by relative path). Deliberately not re-exported from shared/src/index.ts: nothing here
// may end up in the app bundle.
export * from './evidence.js';
