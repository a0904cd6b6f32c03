import type { IcpDto } from '../dto/icp.js';
import type { ThreadDto } from '../validation/comments.js';
import type { WorkshopDto } from '../validation/workshop.js';
import type { CoachDismissalDto } from '../validation/coach.js';

/**
 * The collaboration protocol at `/collab/<icpId>`. Message types 0–3 are the standard y-websocket
 * ones (y-protocols sync and awareness). Bullseye adds its own types from 100 up, sent only to
 * clients that opt in with the `acks=1` query parameter, so stock y-websocket clients never see them.
 */
export const MessageType = {
  /** y-protocols sync: step 1 (state vector), step 2 (missing updates), update. */
  sync: 0,
  /** y-protocols awareness update (presence, cursors). */
  awareness: 1,
  /** y-protocols auth (permission denied). */
  auth: 2,
  /** Ask the peer to send its awareness states. */
  queryAwareness: 3,
  /**
   * Server → client: `varUint(n)`, the number of document-update messages (sync step 2 and update)
   * that this connection has sent and the server has durably committed, in order.
   */
  saved: 100,
  /** Server → client: `varString(JSON)` of a {@link ServerEvent}, e.g. an ICP renamed. */
  event: 101,
  /**
   * Client → server: `varUint8Array(state vector)`, the client's Yjs state vector (as
   * `Y.encodeStateVector` writes it). Asks which of it the server has durably stored. Sent only by
   * clients that connected with `acks=1`; the server ignores it from other clients.
   */
  savedQuery: 102,
  /**
   * Server → client, the answer to `savedQuery`: `varUint8Array(state vector)`, the server's clock
   * for every client id of the query (0 for ids it has nothing of), encoded like a Yjs state
   * vector. Sent only once every document update this connection sent before the query is
   * committed; answers come in query order. The client holds content the server lacks exactly when
   * one of its own clocks is above the answer's.
   */
  savedState: 103,
} as const;

/** Sub-types of the y-protocols sync message. */
export const SyncMessageType = { step1: 0, step2: 1, update: 2 } as const;

/** Query parameters a Bullseye client adds to the collaboration URL. */
export const CollabParam = {
  /** `1` to receive `saved`, `event` and `savedState` messages (and to send `savedQuery`). */
  acks: 'acks',
  /** The client's SCHEMA_VERSION; a mismatch closes the connection with `schemaMismatch`. */
  schema: 'schema',
} as const;

/** Path prefix of the collaboration endpoint; the ICP id follows it. */
export const COLLAB_PATH = '/collab/';

/** Events the server pushes to opted-in clients of one ICP. */
export type ServerEvent =
  /**
   * The ICP record or its review changed (renamed, archived, review cadence, sign-off requested,
   * signed, approved): the whole ICP, with this client's abilities and review abilities.
   */
  | { type: 'icp.updated'; icp: IcpDto }
  /** A version of the ICP was recorded (named, automatic or by a restore); history lists refresh. */
  | { type: 'versions.changed'; icpId: string }
  /** A thread was started, replied to, edited, resolved or reopened (as this client may see it). */
  | { type: 'comments.thread'; thread: ThreadDto }
  /** A thread was deleted with its first comment. */
  | { type: 'comments.threadDeleted'; icpId: string; threadId: string }
  /**
   * The ICP's workshop session changed (started, a step, the timer, notes, votes, ended), as this
   * client's person may see it: others' notes and votes are left out until they are revealed.
   */
  | { type: 'workshop.updated'; workshop: WorkshopDto }
  /** The coach's dismissed findings of the ICP changed (the whole list, with reasons). */
  | { type: 'coach.dismissals'; icpId: string; dismissals: CoachDismissalDto[] }
  /** This person's inbox changed (sent only to their own connections). */
  | { type: 'inbox.changed'; unreadCount: number }
  /**
   * Events may have been lost (the link between server instances was down): reload what events
   * keep current (threads, versions, the ICP, the inbox count), as after a reconnection.
   */
  | { type: 'events.missed' };

/**
 * Whether a client → server frame is a document update the server acknowledges with `saved`
 * (sync step 2 or update). Both sides count exactly these frames, so the counts agree.
 */
export function isDocUpdateFrame(frame: Uint8Array): boolean {
  return (
    frame[0] === MessageType.sync &&
    (frame[1] === SyncMessageType.step2 || frame[1] === SyncMessageType.update)
  );
}
