/** Bounds the server enforces and the client respects; one place so both sides agree. */
export const LIMITS = {
  /** Largest WebSocket message the collaboration server accepts, in bytes. */
  maxCollabMessageBytes: 2 * 1024 * 1024,
  /**
   * Largest an ICP's collaborative document may grow (its encoded Yjs state), in bytes. A one-page
   * ICP is a few kilobytes; this leaves room for long narratives and years of history.
   */
  maxIcpStateBytes: 8 * 1024 * 1024,
  /** Deepest nesting of elements in a narrative section (lists in lists...) the server accepts. */
  maxNarrativeDepth: 48,
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
  /** Length of one comment, in characters. */
  maxCommentLength: 4000,
  /** Length of the quoted text or criterion a thread keeps to show once its anchor is gone. */
  maxQuoteLength: 300,
  /** Length of one encoded Yjs relative position of a text anchor. */
  maxAnchorPositionLength: 128,
  /** Comment threads one ICP may hold (resolved ones count). */
  maxThreadsPerIcp: 1000,
  /** Comments (first one and replies) in one thread. */
  maxCommentsPerThread: 200,
  /** Largest page of inbox items. */
  maxInboxPage: 100,
  /** Length of a version's name. */
  maxVersionNameLength: 80,
  /** Length of a version's note, a sign-off's reason, an approval's note. */
  maxVersionNoteLength: 1000,
} as const;
