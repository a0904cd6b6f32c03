import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { MalformedMessageError } from './messages.js';

/** One entry of an awareness update, read without parsing its JSON state. */
export interface AwarenessEntry {
  clientID: number;
  clock: number;
  /** The state is JSON `null`: the client left. */
  removed: boolean;
}

/** Largest JSON state one client may publish (a name, a colour, a cursor, a section). */
export const MAX_AWARENESS_STATE_BYTES = 8 * 1024;

/**
 * Reads client ids and clocks of an awareness update, skipping over the JSON states byte-wise.
 * Stock y-websocket clients echo every peer's state back to the server; this lets the server drop
 * those echoes (their clock advances nothing) without decoding any JSON.
 */
export function readAwarenessEntries(update: Uint8Array): AwarenessEntry[] {
  try {
    const d = decoding.createDecoder(update);
    const count = decoding.readVarUint(d);
    const entries: AwarenessEntry[] = [];
    for (let i = 0; i < count; i++) {
      const clientID = decoding.readVarUint(d);
      const clock = decoding.readVarUint(d);
      const length = decoding.readVarUint(d);
      if (length > MAX_AWARENESS_STATE_BYTES) throw new MalformedMessageError('awareness state too large');
      const bytes = decoding.readUint8Array(d, length);
      const removed =
        length === 4 && bytes[0] === 0x6e && bytes[1] === 0x75 && bytes[2] === 0x6c && bytes[3] === 0x6c;
      entries.push({ clientID, clock, removed });
    }
    if (decoding.hasContent(d)) throw new MalformedMessageError('trailing bytes after awareness update');
    return entries;
  } catch (error) {
    if (error instanceof MalformedMessageError) throw error;
    throw new MalformedMessageError('undecodable awareness update');
  }
}

/** Who a connection's presence says it is: always taken from the authenticated account. */
export interface AwarenessIdentity {
  id: string;
  name: string;
  color: string;
}

/** One presence entry as relayed: a client id, its clock and its JSON state (`null`: it left). */
export interface PresenceEntry {
  clientID: number;
  clock: number;
  state: string;
}

/**
 * The entries of an awareness update that `keep` accepts, each state's `user` set to `identity`,
 * so nobody can appear under another person's name or move another connection's cursor. Every
 * state must be JSON, kept or not; otherwise throws MalformedMessageError.
 */
export function stampAwarenessEntries(
  update: Uint8Array,
  keep: (clientID: number) => boolean,
  identity: AwarenessIdentity,
): PresenceEntry[] {
  const kept: PresenceEntry[] = [];
  try {
    const d = decoding.createDecoder(update);
    const count = decoding.readVarUint(d);
    for (let i = 0; i < count; i++) {
      const clientID = decoding.readVarUint(d);
      const clock = decoding.readVarUint(d);
      const state: unknown = JSON.parse(decoding.readVarString(d));
      if (!keep(clientID)) continue;
      const stamped =
        state !== null && typeof state === 'object' && !Array.isArray(state)
          ? { ...(state as Record<string, unknown>), user: identity }
          : null;
      kept.push({ clientID, clock, state: JSON.stringify(stamped) });
    }
  } catch {
    throw new MalformedMessageError('awareness state is not JSON');
  }
  return kept;
}

/** Encodes presence entries as one awareness update (the payload of an awareness message). */
export function encodeAwarenessEntries(entries: readonly PresenceEntry[]): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(e, entry.clientID);
    encoding.writeVarUint(e, entry.clock);
    encoding.writeVarString(e, entry.state);
  }
  return encoding.toUint8Array(e);
}

/** The entries of an awareness update with their JSON states (as `encodeAwarenessEntries` wrote them). */
export function readPresenceEntries(update: Uint8Array): PresenceEntry[] {
  const d = decoding.createDecoder(update);
  const count = decoding.readVarUint(d);
  const entries: PresenceEntry[] = [];
  for (let i = 0; i < count; i++) {
    const clientID = decoding.readVarUint(d);
    const clock = decoding.readVarUint(d);
    entries.push({ clientID, clock, state: decoding.readVarString(d) });
  }
  return entries;
}
