import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode } from '@bullseye/shared';
import { seededRandom } from '../../../tests/support/seededRandom.js';
import { RefusedUpdate, UpdateGate } from './updateGate.js';

/** Every update a client makes while `edit` runs on its document. */
function updatesOf(doc: Y.Doc, edit: (doc: Y.Doc) => void): Uint8Array[] {
  const updates: Uint8Array[] = [];
  const collect = (update: Uint8Array) => updates.push(update);
  doc.on('update', collect);
  edit(doc);
  doc.off('update', collect);
  return updates;
}

function refusal(run: () => void): RefusedUpdate {
  try {
    run();
  } catch (error) {
    if (error instanceof RefusedUpdate) return error;
    throw error;
  }
  throw new Error('the update was accepted');
}

/** What a room does after a commit: apply to the committed document and settle the gate. */
function commit(gate: UpdateGate, committed: Y.Doc, update: Uint8Array): void {
  Y.applyUpdate(committed, update);
  gate.settled(update, true);
}

/** An update of no structs whose delete set covers `len` clocks of `client` from `clock`. */
function deletionOnly(client: number, clock: number, len: number): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0); // no struct groups
  encoding.writeVarUint(e, 1); // one client in the delete set
  encoding.writeVarUint(e, client);
  encoding.writeVarUint(e, 1); // one range
  encoding.writeVarUint(e, clock);
  encoding.writeVarUint(e, len);
  return encoding.toUint8Array(e);
}

function nestedParagraphs(depth: number): Uint8Array {
  const doc = new Y.Doc();
  let parent: Y.XmlFragment | Y.XmlElement = doc.getXmlFragment('notes');
  for (let i = 0; i < depth; i++) {
    const child: Y.XmlElement = new Y.XmlElement('blockquote');
    parent.insert(0, [child]);
    parent = child;
  }
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

describe('UpdateGate', () => {
  it('accepts updates that build on ones still queued for commit, in order', () => {
    const committed = new Y.Doc();
    const gate = new UpdateGate(() => committed);
    const client = new Y.Doc();
    const [a, b, c] = updatesOf(client, (doc) => {
      doc.getText('t').insert(0, 'hello');
      doc.getText('t').insert(5, ' world');
      doc.getText('t').delete(0, 1);
    });
    // None is committed yet: each depends on the one before, which only the gate has seen.
    for (const update of [a!, b!, c!]) gate.accept(update);
    expect(gate.pending).toBe(3);
    for (const update of [a!, b!, c!]) commit(gate, committed, update);
    expect(gate.pending).toBe(0);
    expect(committed.getText('t').toString()).toBe('ello world');
  });

  it('refuses an update whose structs depend on changes nobody sent, and keeps working', () => {
    const committed = new Y.Doc();
    const gate = new UpdateGate(() => committed);
    const client = new Y.Doc();
    const [first, second] = updatesOf(client, (doc) => {
      doc.getText('t').insert(0, 'abc');
      doc.getText('t').insert(3, 'def');
    });
    expect(refusal(() => gate.accept(second!)).closeCode).toBe(CloseCode.malformedMessage);
    expect(gate.pending).toBe(0);
    gate.accept(first!);
    gate.accept(second!);
    expect(gate.pending).toBe(2);
  });

  it('refuses deleting clocks a client has not written yet (which would hide its future edits)', () => {
    const committed = new Y.Doc();
    const gate = new UpdateGate(() => committed);
    const victim = new Y.Doc();
    const [first] = updatesOf(victim, (doc) => doc.getText('t').insert(0, 'mine'));
    gate.accept(first!);
    commit(gate, committed, first!);
    expect(refusal(() => gate.accept(deletionOnly(victim.clientID, 0, 2 ** 40))).closeCode).toBe(
      CloseCode.malformedMessage,
    );
    // Past the end of what it wrote, even by one clock.
    expect(() => gate.accept(deletionOnly(victim.clientID, 2, 3))).toThrow(RefusedUpdate);
    // Its next edit is accepted and, once committed, visible.
    const [next] = updatesOf(victim, (doc) => doc.getText('t').insert(4, '!'));
    gate.accept(next!);
    commit(gate, committed, next!);
    expect(committed.getText('t').toString()).toBe('mine!');
    // Deleting what exists is an ordinary edit.
    gate.accept(deletionOnly(victim.clientID, 0, 2));
  });

  it('refuses elements nested deeper than the limit, wherever they are inserted', () => {
    const gate = new UpdateGate(() => new Y.Doc(), { maxStateBytes: 1 << 20, maxDepth: 10 });
    gate.accept(nestedParagraphs(10));
    expect(refusal(() => gate.accept(nestedParagraphs(11))).message).toMatch(/11 deep/);
    // Deep through several updates: each one adds a level below an accepted element.
    const committed = new Y.Doc();
    const stepwise = new UpdateGate(() => committed, { maxStateBytes: 1 << 20, maxDepth: 10 });
    const client = new Y.Doc();
    let parent: Y.XmlFragment | Y.XmlElement = client.getXmlFragment('notes');
    for (let level = 1; level <= 11; level++) {
      const [update] = updatesOf(client, () => {
        const child = new Y.XmlElement('blockquote');
        parent.insert(0, [child]);
        parent = child;
      });
      if (level <= 10) stepwise.accept(update!);
      else expect(() => stepwise.accept(update!)).toThrow(/nests elements 11 deep/);
    }
  });

  it('counts elements, not the text inside them, as nesting', () => {
    const gate = new UpdateGate(() => new Y.Doc(), { maxStateBytes: 1 << 20, maxDepth: 3 });
    const doc = new Y.Doc();
    const quote = new Y.XmlElement('blockquote');
    const paragraph = new Y.XmlElement('paragraph');
    const text = new Y.XmlText();
    text.insert(0, 'three deep');
    paragraph.insert(0, [text]);
    const list = new Y.XmlElement('bulletList');
    list.insert(0, [paragraph]);
    quote.insert(0, [list]);
    doc.getXmlFragment('notes').insert(0, [quote]);
    gate.accept(Y.encodeStateAsUpdate(doc));
  });

  it('lets an ICP already over the size limit be edited down, never up', () => {
    const author = new Y.Doc();
    author.getText('t').insert(0, 'x'.repeat(12_000));
    const committed = new Y.Doc();
    Y.applyUpdate(committed, Y.encodeStateAsUpdate(author));
    const gate = new UpdateGate(() => committed, { maxStateBytes: 10_000, maxDepth: 48 });
    const [shorter] = updatesOf(author, (doc) => doc.getText('t').delete(0, 100));
    gate.accept(shorter!);
    const [longer] = updatesOf(author, (doc) => doc.getText('t').insert(0, 'y'.repeat(500)));
    expect(refusal(() => gate.accept(longer!)).closeCode).toBe(CloseCode.documentTooLarge);
  });

  it('refuses growing the document past its size limit with documentTooLarge', () => {
    const committed = new Y.Doc();
    const gate = new UpdateGate(() => committed, { maxStateBytes: 10_000, maxDepth: 48 });
    const client = new Y.Doc();
    const [small] = updatesOf(client, (doc) => doc.getText('t').insert(0, 'x'.repeat(5_000)));
    gate.accept(small!);
    commit(gate, committed, small!);
    const [large] = updatesOf(client, (doc) => doc.getText('t').insert(0, 'y'.repeat(6_000)));
    expect(refusal(() => gate.accept(large!)).closeCode).toBe(CloseCode.documentTooLarge);
    // Deleting text and typing a little stays possible.
    const [edit] = updatesOf(client, (doc) => {
      doc.getText('t').delete(0, 6_000);
      doc.getText('t').insert(0, 'ok');
    });
    expect(() => gate.accept(edit!)).toThrow(RefusedUpdate); // depends on the refused text
    const fresh = new Y.Doc();
    Y.applyUpdate(fresh, Y.encodeStateAsUpdate(committed));
    const [fine] = updatesOf(fresh, (doc) => doc.getText('t').insert(0, 'ok'));
    gate.accept(fine!);
  });

  it('drops a failed commit, so what depended on it is refused instead of half-applied', () => {
    const committed = new Y.Doc();
    const gate = new UpdateGate(() => committed);
    const client = new Y.Doc();
    const [a, b] = updatesOf(client, (doc) => {
      doc.getText('t').insert(0, 'lost');
      doc.getText('t').insert(4, ' too');
    });
    gate.accept(a!);
    gate.settled(a!, false);
    expect(gate.pending).toBe(0);
    expect(() => gate.accept(b!)).toThrow(RefusedUpdate);
  });

  it('tells a no-op (a viewer re-sending what the server has) from a change', () => {
    const committed = new Y.Doc();
    const gate = new UpdateGate(() => committed);
    const client = new Y.Doc();
    for (const update of updatesOf(client, (doc) => {
      doc.getText('t').insert(0, 'abcdef');
      doc.getText('t').delete(1, 2);
    })) {
      gate.accept(update);
      commit(gate, committed, update);
    }
    const viewer = new Y.Doc();
    Y.applyUpdate(viewer, Y.encodeStateAsUpdate(committed));
    // A sync step 2 against the server's state vector: no structs, the whole delete set.
    const resent = Y.encodeStateAsUpdate(viewer, Y.encodeStateVector(committed));
    expect(Y.decodeUpdate(resent).ds.clients.size).toBe(1);
    expect(gate.isNoOp(resent)).toBe(true);
    expect(gate.isNoOp(Y.encodeStateAsUpdate(viewer))).toBe(true);
    const [typed] = updatesOf(viewer, (doc) => doc.getText('t').insert(0, 'z'));
    expect(gate.isNoOp(typed!)).toBe(false);
    const [deleted] = updatesOf(viewer, (doc) => doc.getText('t').delete(0, 2));
    expect(gate.isNoOp(deleted!)).toBe(false);
  });

  it('accepts a bit-flipped update only if it applies cleanly on a fresh replica', () => {
    const random = seededRandom(9);
    const committed = new Y.Doc();
    const gate = new UpdateGate(() => committed);
    const author = new Y.Doc();
    const base = updatesOf(author, (doc) => {
      doc.getText('t').insert(0, 'The quick brown fox');
      const list = doc.getArray<Y.Map<string>>('industries');
      const item = new Y.Map<string>();
      item.set('label', 'Software');
      list.push([item]);
    });
    for (const update of base) {
      gate.accept(update);
      commit(gate, committed, update);
    }
    const [real] = updatesOf(author, (doc) => {
      doc.getText('t').insert(4, 'very ');
      doc.getText('t').delete(0, 2);
      doc.getArray<Y.Map<string>>('industries').get(0).set('label', 'SaaS');
    });
    let accepted = 0;
    for (let trial = 0; trial < 1_500; trial++) {
      const flipped = Uint8Array.from(real!);
      const flips = 1 + Math.floor(random() * 3);
      for (let f = 0; f < flips; f++) {
        const at = Math.floor(random() * flipped.length);
        flipped[at] = flipped[at]! ^ (1 << Math.floor(random() * 8));
      }
      const before = Y.encodeStateAsUpdate(committed);
      try {
        gate.accept(flipped);
      } catch (error) {
        expect(error).toBeInstanceOf(RefusedUpdate);
        continue;
      }
      accepted++;
      // What the gate let through must integrate fully on a replica of the committed state.
      const replica = new Y.Doc();
      Y.applyUpdate(replica, before);
      expect(() => Y.applyUpdate(replica, flipped)).not.toThrow();
      expect(replica.store.pendingStructs).toBeNull();
      expect(replica.store.pendingDs).toBeNull();
      replica.destroy();
      gate.settled(flipped, false);
    }
    // Most flips break the update; some still make a valid one, and those are accepted.
    expect(accepted).toBeGreaterThan(0);
    expect(accepted).toBeLessThan(1_500);
  });
});
