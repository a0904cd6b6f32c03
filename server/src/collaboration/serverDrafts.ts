import * as Y from 'yjs';
import { CloseCode } from '@bullseye/shared';
import type { DbTransaction, UpdateLog } from '../db/updateLog.js';
import { HttpError } from '../errors.js';
import type { DraftChange, LiveDrafts } from './collabEvents.js';
import { encodeSyncUpdate } from './messages.js';
import type { RoomRegistry } from './roomRegistry.js';
import { changeState } from './storedDrafts.js';
import { RefusedUpdate } from './updateGate.js';

/**
 * The live drafts as commands read and change them (a restore): from the loaded room when there
 * is one, committed through the update log before any client sees the change.
 */
export class ServerDrafts implements LiveDrafts {
  private closing = false;

  constructor(
    private readonly rooms: RoomRegistry,
    private readonly updateLog: UpdateLog,
  ) {}

  /** Shutting down: no more server-side changes. */
  stop(): void {
    this.closing = true;
  }

  async draftState(icpId: string): Promise<Uint8Array> {
    const loaded = await this.rooms.loaded(icpId);
    // With several instances, what others committed a moment ago is read first.
    await loaded?.catchUp?.();
    if (loaded && !loaded.destroyed) return Y.encodeStateAsUpdate(loaded.doc);
    return this.updateLog.loadState(icpId);
  }

  /**
   * Changes the live draft on the server's side: loads the ICP if needed, runs `change` on a copy
   * of the committed document, and commits the resulting update and what `record` writes in one
   * transaction; only then is the update applied and relayed to every open client.
   */
  async changeDraft<T>(
    icpId: string,
    workspaceId: string,
    change: (doc: Y.Doc) => void,
    record: (change: DraftChange, trx: DbTransaction) => Promise<T>,
  ): Promise<T> {
    if (this.closing) throw new Error('the collaboration server is shutting down');
    const room = await this.rooms.get(icpId, workspaceId);
    const release = this.rooms.hold(room);
    try {
      await room.catchUp?.();
      const before = Y.encodeStateAsUpdate(room.doc);
      const { update, after } = changeState(before, change);
      const log = this.updateLog;
      if (!update) return await log.appendWith(null, (trx) => record({ before, after }, trx));
      try {
        room.gate.accept(update);
      } catch (error) {
        throw error instanceof RefusedUpdate ? refusedChange(error) : error;
      }
      room.pendingWrites++;
      let result: T;
      try {
        result = await log.appendWith({ icpId, data: update }, (trx) => record({ before, after }, trx));
      } catch (error) {
        room.gate.settled(update, false);
        throw error;
      } finally {
        room.pendingWrites--;
      }
      if (!room.destroyed) room.applyCommitted(update, encodeSyncUpdate(update), null);
      return result;
    } finally {
      release();
    }
  }
}

/** The HTTP answer for a server-side change of the draft that the update gate refused. */
function refusedChange(refusal: RefusedUpdate): HttpError {
  return refusal.closeCode === CloseCode.documentTooLarge
    ? new HttpError(413, 'icp_too_large', `The change would make the ICP too large (${refusal.message})`)
    : new HttpError(
        422,
        'unsupported_content',
        `The change cannot be made to the draft (${refusal.message})`,
      );
}
