import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { MessageType, SyncMessageType, type ServerEvent } from '@bullseye/shared';

/** Thrown for a frame that is not a well-formed message; the connection is closed with 4400. */
export class MalformedMessageError extends Error {
  override name = 'MalformedMessageError';
}

/** Builds a sync step 1 (our state vector) message. */
export function encodeSyncStep1(stateVector: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.sync);
  encoding.writeVarUint(e, SyncMessageType.step1);
  encoding.writeVarUint8Array(e, stateVector);
  return encoding.toUint8Array(e);
}

/** Builds a sync step 2 (the updates the peer lacks) message. */
export function encodeSyncStep2(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.sync);
  encoding.writeVarUint(e, SyncMessageType.step2);
  encoding.writeVarUint8Array(e, update);
  return encoding.toUint8Array(e);
}

/** Builds a sync update message. */
export function encodeSyncUpdate(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.sync);
  encoding.writeVarUint(e, SyncMessageType.update);
  encoding.writeVarUint8Array(e, update);
  return encoding.toUint8Array(e);
}

export function encodeAwarenessMessage(awarenessUpdate: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.awareness);
  encoding.writeVarUint8Array(e, awarenessUpdate);
  return encoding.toUint8Array(e);
}

/** `saved`: how many document-update messages of this connection are durably committed. */
export function encodeSaved(count: number): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.saved);
  encoding.writeVarUint(e, count);
  return encoding.toUint8Array(e);
}

/**
 * `savedState`: the answer to a `savedQuery`, the server's clock for each client id of the query,
 * encoded as a Yjs state vector.
 */
export function encodeSavedState(clocks: ReadonlyMap<number, number>): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.savedState);
  encoding.writeVarUint8Array(e, Y.encodeStateVector(clocks as Map<number, number>));
  return encoding.toUint8Array(e);
}

export function encodeEvent(event: ServerEvent): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.event);
  encoding.writeVarString(e, JSON.stringify(event));
  return encoding.toUint8Array(e);
}

/** A decoded client message. Updates keep a reference into the original frame (no copy). */
export type ClientMessage =
  | { kind: 'syncStep1'; stateVector: Uint8Array }
  | { kind: 'docUpdate'; update: Uint8Array; step: 'step2' | 'update' }
  | { kind: 'awareness'; update: Uint8Array }
  | { kind: 'queryAwareness' }
  /** "Which of this state vector have you stored?" (client id → clock). */
  | { kind: 'savedQuery'; stateVector: Map<number, number> }
  | { kind: 'ignored' };

/** Decodes one client frame; throws MalformedMessageError for anything that is not a whole message. */
export function decodeClientMessage(frame: Uint8Array): ClientMessage {
  try {
    const d = decoding.createDecoder(frame);
    const type = decoding.readVarUint(d);
    let message: ClientMessage;
    switch (type) {
      case MessageType.sync: {
        const sub = decoding.readVarUint(d);
        const payload = decoding.readVarUint8Array(d);
        if (sub === SyncMessageType.step1) message = { kind: 'syncStep1', stateVector: payload };
        else if (sub === SyncMessageType.step2)
          message = { kind: 'docUpdate', update: payload, step: 'step2' };
        else if (sub === SyncMessageType.update)
          message = { kind: 'docUpdate', update: payload, step: 'update' };
        else throw new MalformedMessageError(`unknown sync message type ${sub}`);
        break;
      }
      case MessageType.awareness:
        message = { kind: 'awareness', update: decoding.readVarUint8Array(d) };
        break;
      case MessageType.queryAwareness:
        message = { kind: 'queryAwareness' };
        break;
      case MessageType.savedQuery:
        message = { kind: 'savedQuery', stateVector: decodeStateVector(decoding.readVarUint8Array(d)) };
        break;
      case MessageType.auth:
        // Clients have nothing to say with auth messages; read the payload to validate the frame.
        decoding.readVarUint(d);
        message = { kind: 'ignored' };
        break;
      default:
        throw new MalformedMessageError(`unknown message type ${type}`);
    }
    if (decoding.hasContent(d)) throw new MalformedMessageError('trailing bytes after message');
    return message;
  } catch (error) {
    if (error instanceof MalformedMessageError) throw error;
    throw new MalformedMessageError(error instanceof Error ? error.message : 'undecodable frame');
  }
}

function decodeStateVector(bytes: Uint8Array): Map<number, number> {
  const d = decoding.createDecoder(bytes);
  const stateVector = new Map<number, number>();
  const count = decoding.readVarUint(d);
  for (let i = 0; i < count; i++) {
    const client = decoding.readVarUint(d);
    stateVector.set(client, decoding.readVarUint(d));
  }
  if (decoding.hasContent(d)) throw new MalformedMessageError('trailing bytes after state vector');
  return stateVector;
}
