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
  /** Shortest new password accepted. */
  minPasswordLength: 10,
  /** Longest password accepted, so hashing stays cheap. */
  maxPasswordLength: 256,
  /** Workspace name length. */
  maxWorkspaceNameLength: 80,
  /** Longest an invite link may stay valid, in hours (30 days). */
  maxInviteHours: 720,
  /** API token name length. */
  maxTokenNameLength: 60,
} as const;
