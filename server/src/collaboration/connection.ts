import * as Y from 'yjs';
import { applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import type { Socket } from 'node:net';
import type { WebSocket } from 'ws';
import { CloseCode } from '@bullseye/shared';
import type { UpdateCommitter } from './committer.js';
import type { Reviewer, Role } from '@bullseye/shared';
import type { Actor } from '../auth/authenticator.js';
import {
  encodeAwarenessEntries,
  readAwarenessEntries,
  stampAwarenessEntries,
  type AwarenessIdentity,
} from './awarenessFrames.js';
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
  awarenessRelayed: 0,
  awarenessDropped: 0,
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
  /** Awareness client ids this connection published; removed when it closes. */
  readonly awarenessIds = new Set<number>();
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
    const states = this.room.awareness.getStates();
    if (states.size > 0) {
      this.send(encodeAwarenessMessage(encodeAwarenessUpdate(this.room.awareness, [...states.keys()])));
    }
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
          this.handleAwareness(message.update);
          break;
        case 'queryAwareness': {
          const ids = [...this.room.awareness.getStates().keys()];
          if (ids.length > 0)
            this.send(encodeAwarenessMessage(encodeAwarenessUpdate(this.room.awareness, ids)));
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

  private handleDocUpdate(update: Uint8Array, updateFrame: Uint8Array | null): void {
    const index = ++this.received;
    const ack = () => {
      if (this.wantsAcks && index < this.refusedFrom) this.send(encodeSaved(index));
    };
    // Acknowledgements follow the updates sent before them, so even an update with nothing to
    // store waits for the commits queued ahead of it (an in-order barrier that writes nothing).
    const ackInOrder = () =>
      this.committer.enqueue(null, (error) =>
        error ? this.close(CloseCode.internalError, 'could not save') : ack(),
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
    room.gate.accept(update);
    room.pendingWrites++;
    const relay = updateFrame ?? encodeSyncUpdate(update);
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
      room.updatesSinceCompaction++;
      if (room.applyCommitted(update, relay, this) && !this.edited) {
        this.edited = true;
        this.options.onFirstEdit?.();
      }
      ack();
    });
  }

  /**
   * Stock clients echo every peer's awareness back; entries whose clock advances nothing are
   * dropped without parsing JSON. Real changes are stamped with this connection's identity,
   * limited to client ids this connection owns, applied, and handed to the room to relay.
   */
  private handleAwareness(update: Uint8Array): void {
    const awareness = this.room.awareness;
    const owners = this.room.awarenessOwners;
    const mine = (id: number) => {
      const owner = owners.get(id);
      return owner === undefined || owner === this;
    };
    let advances = false;
    for (const entry of readAwarenessEntries(update)) {
      if (!mine(entry.clientID)) continue;
      const current = awareness.meta.get(entry.clientID)?.clock ?? -1;
      if (
        entry.clock > current ||
        (entry.clock === current && entry.removed && awareness.states.has(entry.clientID))
      ) {
        advances = true;
      }
    }
    if (!advances) {
      collabStats.awarenessDropped++;
      return;
    }
    const stamped = stampAwarenessEntries(update, mine, this.options.identity);
    if (stamped.length === 0) return;
    for (const entry of stamped) {
      if (entry.state === 'null') {
        // Cleared presence is gone for good: its id no longer pins this connection in the room.
        this.awarenessIds.delete(entry.clientID);
        if (owners.get(entry.clientID) === this) owners.delete(entry.clientID);
      } else {
        this.awarenessIds.add(entry.clientID);
        owners.set(entry.clientID, this);
      }
    }
    applyAwarenessUpdate(awareness, encodeAwarenessEntries(stamped), this);
    collabStats.awarenessRelayed++;
    this.room.relayPresence(stamped, this);
  }

  /** Called once the socket has closed: withdraws this connection's presence. */
  cleanup(): void {
    this.closed = true;
    for (const id of this.awarenessIds) {
      if (this.room.awarenessOwners.get(id) === this) this.room.awarenessOwners.delete(id);
    }
    const mine = [...this.awarenessIds].filter((id) => this.room.awareness.states.has(id));
    if (mine.length > 0 && !this.room.destroyed)
      removeAwarenessStates(this.room.awareness, mine, 'disconnect');
  }
}

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
