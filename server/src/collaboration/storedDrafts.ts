import * as Y from 'yjs';
import type { DbTransaction, UpdateLog } from '../db/updateLog.js';
import type { DraftChange, LiveDrafts } from './collabEvents.js';

/**
 * Runs `change` in one transaction on a document built from `before`. Returns the Yjs update it
 * made (null when it changed nothing) and the state after it.
 */
export function changeState(
  before: Uint8Array,
  change: (doc: Y.Doc) => void,
): { update: Uint8Array | null; after: Uint8Array } {
  const doc = new Y.Doc({ gc: true });
  try {
    Y.applyUpdate(doc, before);
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    doc.transact(() => change(doc));
    const update = updates.length === 0 ? null : updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates);
    return { update, after: Y.encodeStateAsUpdate(doc) };
  } finally {
    doc.destroy();
  }
}

/**
 * Drafts straight from the update log, for processes without a collaboration server (the admin
 * CLI): nobody is connected, so committing the change is all there is to do.
 */
export class StoredDrafts implements LiveDrafts {
  constructor(private readonly log: UpdateLog) {}

  draftState(icpId: string): Promise<Uint8Array> {
    return this.log.loadState(icpId);
  }

  async changeDraft<T>(
    icpId: string,
    _workspaceId: string,
    change: (doc: Y.Doc) => void,
    record: (change: DraftChange, trx: DbTransaction) => Promise<T>,
  ): Promise<T> {
    const before = await this.draftState(icpId);
    const { update, after } = changeState(before, change);
    return this.log.appendWith(update && { icpId, data: update }, (trx) => record({ before, after }, trx));
  }
}
