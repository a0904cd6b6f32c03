/**
 * WebSocket close codes of the collaboration server. 1000–1015 are the standard ones; 4000–4999
 * are ours. A client should not reconnect after a 44xx code without changing something.
 */
export const CloseCode = {
  /** The server is shutting down or unloading; reconnecting is right. */
  goingAway: 1001,
  /** A message exceeded LIMITS.maxCollabMessageBytes (sent by `ws` itself). */
  messageTooBig: 1009,
  /** An unexpected server error while handling this connection's message. */
  internalError: 1011,
  /** The session or token behind this connection is no longer valid; sign in again. */
  unauthorized: 4401,
  /** The member was removed or their role changed; reconnect to get the access they have now. */
  accessChanged: 4403,
  /** A message could not be decoded, or carried an invalid Yjs update. Nothing of it was stored. */
  malformedMessage: 4400,
  /** The client's schema version differs from the server's; reload to get the current client. */
  schemaMismatch: 4409,
  /** The ICP was archived or deleted while connected. */
  documentGone: 4410,
  /**
   * The update would grow the ICP beyond LIMITS.maxIcpStateBytes. Nothing of it was stored; the
   * client must not re-send the same change.
   */
  documentTooLarge: 4413,
  /** 1007: a text frame carried invalid UTF-8 (sent by `ws` itself). */
  invalidFrameData: 1007,
} as const;

export type CloseCodeValue = (typeof CloseCode)[keyof typeof CloseCode];

/** Human text for a close code, for logs and the client's connection banner. */
export function describeCloseCode(code: number): string {
  switch (code) {
    case CloseCode.goingAway:
      return 'The server is restarting';
    case CloseCode.messageTooBig:
      return 'A change was too large to send';
    case CloseCode.internalError:
      return 'The server hit an unexpected error';
    case CloseCode.unauthorized:
      return 'Your session has ended; sign in again';
    case CloseCode.accessChanged:
      return 'Your access to this workspace changed';
    case CloseCode.malformedMessage:
      return 'The server rejected a malformed message';
    case CloseCode.schemaMismatch:
      return 'A newer version of Bullseye is available; reload the page';
    case CloseCode.documentGone:
      return 'This ICP is no longer available';
    case CloseCode.documentTooLarge:
      return 'A change would make this ICP larger than the server accepts';
    case CloseCode.invalidFrameData:
      return 'The server rejected a frame with invalid data';
    default:
      return `Connection closed (${code})`;
  }
}
