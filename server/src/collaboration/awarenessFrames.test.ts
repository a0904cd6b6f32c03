import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { Awareness, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import { MAX_AWARENESS_STATE_BYTES, readAwarenessEntries, stampAwarenessEntries } from './awarenessFrames.js';
import { MalformedMessageError } from './messages.js';

describe('readAwarenessEntries', () => {
  it('reads client ids and clocks of a real awareness update without its JSON', () => {
    const doc = new Y.Doc();
    const awareness = new Awareness(doc);
    awareness.setLocalState({ user: { name: 'Ada', color: '#0090ff' }, section: 'goals' });
    awareness.setLocalStateField('section', 'painPoints');
    const entries = readAwarenessEntries(encodeAwarenessUpdate(awareness, [doc.clientID]));
    expect(entries).toEqual([
      { clientID: doc.clientID, clock: awareness.meta.get(doc.clientID)!.clock, removed: false },
    ]);
    awareness.destroy();
  });

  it('recognises a departure (null state)', () => {
    const doc = new Y.Doc();
    const awareness = new Awareness(doc);
    awareness.setLocalState({ user: { name: 'Ada', color: '#0090ff' } });
    const before = encodeAwarenessUpdate(awareness, [doc.clientID]);
    removeAwarenessStates(awareness, [doc.clientID], 'test');
    const after = encodeAwarenessUpdate(awareness, [doc.clientID]);
    expect(readAwarenessEntries(before)[0]!.removed).toBe(false);
    expect(readAwarenessEntries(after)[0]!.removed).toBe(true);
    awareness.destroy();
  });

  it('rejects truncated updates, trailing bytes and oversized states', () => {
    const doc = new Y.Doc();
    const awareness = new Awareness(doc);
    awareness.setLocalState({ user: { name: 'Ada', color: '#0090ff' } });
    const good = encodeAwarenessUpdate(awareness, [doc.clientID]);
    expect(() => readAwarenessEntries(good.slice(0, good.length - 3))).toThrow(MalformedMessageError);
    expect(() => readAwarenessEntries(new Uint8Array([...good, 7]))).toThrow(MalformedMessageError);
    awareness.setLocalState({ blob: 'x'.repeat(MAX_AWARENESS_STATE_BYTES) });
    expect(() => readAwarenessEntries(encodeAwarenessUpdate(awareness, [doc.clientID]))).toThrow(/too large/);
    awareness.destroy();
  });
});

describe('stampAwarenessEntries', () => {
  const identity = { id: 'u1', name: 'Ada Lovelace', color: '#0090ff' };
  const everyone = () => true;

  it('accepts real awareness updates and refuses states that are not JSON', () => {
    const doc = new Y.Doc();
    const awareness = new Awareness(doc);
    awareness.setLocalState({ user: { name: 'Ada', color: '#0090ff' } });
    expect(() =>
      stampAwarenessEntries(encodeAwarenessUpdate(awareness, [doc.clientID]), everyone, identity),
    ).not.toThrow();
    awareness.destroy();

    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint(e, 42);
    encoding.writeVarUint(e, 1);
    encoding.writeVarString(e, '{"user": not json');
    expect(() => stampAwarenessEntries(encoding.toUint8Array(e), everyone, identity)).toThrow(
      MalformedMessageError,
    );
  });

  it('replaces the claimed user with the account identity and keeps only accepted clients', () => {
    const doc = new Y.Doc();
    const awareness = new Awareness(doc);
    awareness.setLocalState({ user: { name: 'Someone Else', color: '#000000' }, section: 'goals' });
    const update = encodeAwarenessUpdate(awareness, [doc.clientID]);
    const [entry] = stampAwarenessEntries(update, everyone, identity);
    expect(JSON.parse(entry!.state)).toEqual({ user: identity, section: 'goals' });
    expect(stampAwarenessEntries(update, () => false, identity)).toEqual([]);
    awareness.destroy();
  });
});
