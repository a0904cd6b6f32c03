import * as Y from 'yjs';
import type { Socket } from 'node:net';
import type { WebSocket } from 'ws';
import { CloseCode } from '@bullseye/shared';
import type { UpdateCommitter } from './committer.js';
import type { Reviewer, Role } from '@bullseye/shared';
import type { Actor } from '../auth/authenticator.js';
import type { AwarenessIdentity } from './awarenessFrames.js';
import {
  decodeClientMessage,
  encodeAwarenessMessage,
  encodeSaved,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeSyncUpdate,
  MalformedMessageError,
} from './messages.js';
import type { Room } from './room.js';
import { answerSavedQuery } from './savedState.js';
import { RefusedUpdate } from './updateGate.js';

export interface ConnectionOptions {
  /** The member's role does not allow editing (viewer, commenter). */
  readOnly: boolean;
  actor: Actor;
  /**
   * The credential headers the socket was opened with (cookie or Authorization), so its access
   * can be checked again later (after a Redis outage, when access-change messages may be lost).
   */
  credential: { authorization?: string | undefined; cookie?: string | undefined };
  role: Role;
  /** The member as the review rules see them (function, approver), for the ICP's review abilities. */
  reviewer: Reviewer;
  /** Shown to others as this connection's presence, whatever the client claims. */
  identity: AwarenessIdentity;
  /** The client asked for `saved` and `event` messages (`acks=1`). */
  wantsAcks: boolean;
  /** Called once, when the first update of this connection that changes the document is committed. */
  onFirstEdit?: () => void;
}

/** Counters the benchmark and logs read; cheap to keep. */
export const collabStats = {
  docUpdates: 0,
  rejectedWrites: 0,
  refusedUpdates: 0,
};

/**
 * One client socket in a room. Messages are handled in arrival order; document updates are
 * validated, committed through the group committer, then applied and relayed, and acknowledged to
 * their sender with a `saved` count.
 */
export class Connection {
  readonly isConnection = true;
  alive = true;
  private received = 0;
  private corked = false;
  private closed = false;
  private edited = false;
  /**
   * The index of the first change refused on this read-only connection: acknowledging it or
   * anything after it would claim it saved. Updates before it are still acknowledged.
   */
  private refusedFrom = Infinity;
  /** The `saved` count sent last: every update up to it is stored (or had nothing to store). */
  private acked = 0;
  /** Updates settled (stored, or nothing to store) after `acked`, waiting for those before them. */
  private readonly settledAfterAck = new Set<number>();
  /**
   * Updates that build on changes this instance has not received yet (several instances: the
   * client got them from another one), waiting for the room to catch up from the log or for this
   * client's own later frames (its sync) to bring them. See `handleMissingDependencies`.
   */
  private waiting: { index: number; update: Uint8Array; relay: Uint8Array }[] = [];
  private waitingTimer: NodeJS.Timeout | undefined;

  constructor(
    readonly ws: WebSocket,
    readonly room: Room,
    private readonly committer: UpdateCommitter,
    private readonly options: ConnectionOptions,
  ) {}

  get wantsAcks(): boolean {
    return this.options.wantsAcks;
  }

  get actor(): Actor {
    return this.options.actor;
  }

  get role(): Role {
    return this.options.role;
  }

  get credential(): ConnectionOptions['credential'] {
    return this.options.credential;
  }

  get reviewer(): Reviewer {
    return this.options.reviewer;
  }

  /** Whether this member may write (the room may still be read-only while archived). */
  get mayWrite(): boolean {
    return !this.options.readOnly;
  }

  /** A change of this connection was refused because it was read-only (see `refusedFrom`). */
  get refusedAChange(): boolean {
    return this.refusedFrom !== Infinity;
  }

  get readOnly(): boolean {
    return this.options.readOnly || this.room.readOnly;
  }

  /** Sends the server's state vector and current presence, as the y-websocket protocol expects. */
  start(): void {
    this.send(encodeSyncStep1(this.room.stateVector()));
    const everyone = this.room.presence.everyone();
    if (everyone) this.send(encodeAwarenessMessage(everyone));
  }

  send(message: Uint8Array): void {
    if (this.closed || this.ws.readyState !== this.ws.OPEN) return;
    this.corkUntilNextTurn();
    // Failures surface as the socket's 'close' event, which cleans up; no per-send callback.
    this.ws.send(message);
  }

  /**
   * Everything sent to this socket during one turn of the event loop leaves in one write: under
   * load a client receives many small frames at once, and one syscall instead of dozens is the
   * largest CPU saving available to the relay.
   */
  private corkUntilNextTurn(): void {
    if (this.corked) return;
    const socket = (this.ws as unknown as { _socket?: Socket })._socket;
    if (!socket) return;
    this.corked = true;
    socket.cork();
    setImmediate(() => {
      this.corked = false;
      socket.uncork();
    });
  }

  close(code: number, reason = ''): void {
    if (this.closed) return;
    this.closed = true;
    try {
      this.ws.close(code, reason);
    } catch {
      this.ws.terminate();
    }
    // A client that never answers the close handshake is cut off, so access ends within 2 s.
    setTimeout(() => this.ws.terminate(), 2_000).unref();
  }

  /** Handles one frame; a malformed one closes this connection and stores nothing. */
  handleFrame(frame: Uint8Array, isBinary: boolean): void {
    if (this.closed) return;
    try {
      if (!isBinary) throw new MalformedMessageError('text frames are not part of the protocol');
      const message = decodeClientMessage(frame);
      switch (message.kind) {
        case 'syncStep1':
          this.send(encodeSyncStep2(this.room.syncAnswer(validStateVector(message.stateVector))));
          break;
        case 'docUpdate':
          this.handleDocUpdate(message.update, message.step === 'update' ? frame : null);
          break;
        case 'awareness':
          this.room.presence.publish(this, message.update, this.options.identity);
          break;
        case 'queryAwareness': {
          const everyone = this.room.presence.everyone();
          if (everyone) this.send(encodeAwarenessMessage(everyone));
          break;
        }
        case 'savedQuery':
          // Only Bullseye clients (acks=1) ask; a stock client never sends it and gets no answer.
          if (this.wantsAcks) {
            answerSavedQuery(
              {
                committer: this.committer,
                doc: () => this.room.doc,
                send: (m) => this.send(m),
                fail: () => this.close(CloseCode.internalError, 'could not save'),
              },
              message.stateVector,
            );
          }
          break;
        case 'ignored':
          break;
      }
    } catch (error) {
      if (error instanceof MalformedMessageError) {
        this.close(CloseCode.malformedMessage, 'malformed message');
      } else if (error instanceof RefusedUpdate) {
        // Nothing of it was stored or shown to anyone.
        collabStats.refusedUpdates++;
        this.close(error.closeCode, error.message);
      } else {
        console.error(`icp ${this.room.icpId}: error handling a message`, error);
        this.close(CloseCode.internalError, 'internal error');
      }
    }
  }

  /**
   * Update `index` is settled: stored, or with nothing to store. `saved n` tells the client that
   * its updates 1..n are, so the count only moves past updates that all are (never past a refused
   * one, nor past one still waiting for its dependencies).
   */
  private settle(index: number): void {
    if (index >= this.refusedFrom) return;
    this.settledAfterAck.add(index);
    let acked = this.acked;
    while (this.settledAfterAck.delete(acked + 1)) acked++;
    if (acked === this.acked) return;
    this.acked = acked;
    if (this.wantsAcks) this.send(encodeSaved(acked));
  }

  private handleDocUpdate(update: Uint8Array, updateFrame: Uint8Array | null): void {
    const index = ++this.received;
    // Acknowledgements follow the updates sent before them, so even an update with nothing to
    // store waits for the commits queued ahead of it (an in-order barrier that writes nothing).
    const ackInOrder = () =>
      this.committer.enqueue(null, (error) =>
        error ? this.close(CloseCode.internalError, 'could not save') : this.settle(index),
      );
    if (isEmptyUpdate(update)) {
      ackInOrder();
      return;
    }
    const room = this.room;
    if (this.readOnly) {
      // A viewer's sync re-sends what the server has (the whole delete set, at least): nothing to
      // store, and saying so keeps its status truthful. Anything new is refused, never acknowledged.
      if (isNoOpUpdate(room, update)) {
        ackInOrder();
      } else {
        collabStats.rejectedWrites++;
        this.refusedFrom = Math.min(this.refusedFrom, index);
      }
      return;
    }
    const relay = updateFrame ?? encodeSyncUpdate(update);
    try {
      room.gate.accept(update);
    } catch (error) {
      if (error instanceof RefusedUpdate && error.missingDependencies && room.catchUp) {
        this.handleMissingDependencies({ index, update, relay }, room.catchUp);
        return;
      }
      throw error;
    }
    this.commit(index, update, relay);
    // A client's sync (step 2) may bring what its waiting updates build on.
    if (this.waiting.length > 0 && updateFrame === null) this.retryWaiting();
  }

  /** Commits an accepted update, then applies and relays it, then acknowledges it. */
  private commit(index: number, update: Uint8Array, relay: Uint8Array): void {
    const room = this.room;
    room.pendingWrites++;
    this.committer.enqueue({ icpId: room.icpId, data: update }, (error) => {
      room.pendingWrites--;
      if (error) {
        room.gate.settled(update, false);
        // Later updates of this ICP may build on this one: none of them is committed either.
        this.committer.cancel(room.icpId, error);
        // Not durable, so never shown to anyone; the client re-sends it when it reconnects.
        this.close(CloseCode.internalError, 'could not save');
        return;
      }
      collabStats.docUpdates++;
      if (room.applyCommitted(update, relay, this) && !this.edited) {
        this.edited = true;
        this.options.onFirstEdit?.();
      }
      this.settle(index);
    });
  }

  /**
   * With several instances, a client that moved here (its instance restarted) may send changes
   * that build on what it received from the other instance before this one has it, even before
   * its own sync brings it. Such an update waits, unacknowledged, while the room reads what other
   * instances committed and until the client's sync arrives, and is tried again after each (not
   * after every frame: a try may rebuild the gate's scratch copy). One still waiting after WAIT_FOR_DEPENDENCIES_MS closes the socket (1011): the client
   * reconnects and its sync sends everything this instance lacks in one piece.
   */
  private handleMissingDependencies(
    held: { index: number; update: Uint8Array; relay: Uint8Array },
    catchUp: () => Promise<void>,
  ): void {
    const waitingBytes = this.waiting.reduce((sum, w) => sum + w.update.byteLength, held.update.byteLength);
    if (this.waiting.length >= MAX_WAITING_UPDATES || waitingBytes > MAX_WAITING_BYTES) {
      this.close(CloseCode.internalError, 'out of step with other instances');
      return;
    }
    this.waiting.push(held);
    this.waitingTimer ??= setTimeout(() => {
      if (this.waiting.length > 0) this.close(CloseCode.internalError, 'out of step with other instances');
    }, WAIT_FOR_DEPENDENCIES_MS);
    catchUp().then(
      () => this.retryWaiting(),
      () => this.close(CloseCode.internalError, 'could not catch up'),
    );
  }

  private retryWaiting(): void {
    if (this.closed) return;
    if (this.readOnly) {
      // Archived (or made read-only) meanwhile: refused, never acknowledged, like any other change.
      for (const held of this.waiting) this.refusedFrom = Math.min(this.refusedFrom, held.index);
      this.waiting = [];
      return;
    }
    const still: typeof this.waiting = [];
    for (const held of this.waiting) {
      try {
        this.room.gate.accept(held.update);
      } catch (error) {
        if (error instanceof RefusedUpdate && error.missingDependencies) {
          still.push(held);
          continue;
        }
        this.close(error instanceof RefusedUpdate ? error.closeCode : CloseCode.internalError, 'refused');
        return;
      }
      this.commit(held.index, held.update, held.relay);
    }
    this.waiting = still;
    if (still.length === 0) {
      clearTimeout(this.waitingTimer);
      this.waitingTimer = undefined;
    }
  }

  /** Called once the socket has closed: withdraws this connection's presence. */
  cleanup(): void {
    this.closed = true;
    clearTimeout(this.waitingTimer);
    this.waiting = [];
    this.room.presence.withdraw(this);
  }
}

/** How long an update may wait for the changes it builds on (see handleMissingDependencies). */
const WAIT_FOR_DEPENDENCIES_MS = 5_000;
/** How many updates (and bytes) of one connection may wait for their dependencies at once. */
const MAX_WAITING_UPDATES = 100;
const MAX_WAITING_BYTES = 1024 * 1024;

/** Whether a read-only connection's update adds nothing; a malformed one closes the connection. */
function isNoOpUpdate(room: Room, update: Uint8Array): boolean {
  try {
    return room.gate.isNoOp(update);
  } catch {
    throw new MalformedMessageError('invalid Yjs update');
  }
}

function validStateVector(stateVector: Uint8Array): Uint8Array {
  try {
    Y.decodeStateVector(stateVector);
    return stateVector;
  } catch {
    throw new MalformedMessageError('invalid state vector');
  }
}

/** A Yjs update with no structs and no deletions: `[0, 0]`. */
function isEmptyUpdate(update: Uint8Array): boolean {
  return update.length === 2 && update[0] === 0 && update[1] === 0;
}
