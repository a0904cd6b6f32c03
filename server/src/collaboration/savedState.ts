import * as Y from 'yjs';
import { savedClocksFor } from '@bullseye/shared';
import type { UpdateCommitter } from './committer.js';
import { encodeSavedState } from './messages.js';

/** What answering a `savedQuery` needs from its connection. */
export interface SavedQueryContext {
  committer: UpdateCommitter;
  /** The room's document: only committed updates are ever applied to it. */
  doc: () => Y.Doc;
  send: (message: Uint8Array) => void;
  /** The commit of an earlier update failed: the connection is closed instead of answering. */
  fail: () => void;
}

/**
 * Answers `savedQuery` with the server's clocks for the client ids the query names. The answer
 * waits behind an in-order barrier of the group committer, so every document update this
 * connection sent before the query has been committed and applied to the room's document when the
 * clocks are read. Content the room could not integrate (e.g. it depends on a refused update) is
 * not in its state vector, so the client sees that gap.
 */
export function answerSavedQuery(context: SavedQueryContext, query: ReadonlyMap<number, number>): void {
  context.committer.enqueue(null, (error) => {
    if (error) {
      context.fail();
      return;
    }
    const server = Y.decodeStateVector(Y.encodeStateVector(context.doc()));
    context.send(encodeSavedState(savedClocksFor(server, query)));
  });
}
