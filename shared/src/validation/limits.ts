/** Bounds the server enforces and the client respects; one place so both sides agree. */
export const LIMITS = {
  /** Largest WebSocket message the collaboration server accepts, in bytes. */
  maxCollabMessageBytes: 2 * 1024 * 1024,
  /** Largest JSON request body the HTTP API accepts, in bytes. */
  maxJsonBodyBytes: 64 * 1024,
  /** ICP title length. */
  maxTitleLength: 120,
  /** Display name length for presence. */
  maxDisplayNameLength: 60,
} as const;
