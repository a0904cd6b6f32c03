import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addListItem, CloseCode, LIMITS, MessageType, SyncMessageType } from '@bullseye/shared';
import { createIcp, isHealthy } from '../support/api.js';
import { BACKENDS } from '../support/backends.js';
import { ClientPool, type CollabClient } from '../support/collabClient.js';
import { useServer } from '../support/harness.js';
import { appendParagraph, paragraphsOf } from '../support/icpDocs.js';
import { collabUrl, expectUpgradeRefused, RawCollabSocket, syncUpdateMessage } from '../support/rawSocket.js';
import { seededRandom } from '../support/seededRandom.js';
import { createVersion } from '../support/versions.js';
import { waitFor } from '../support/waitFor.js';

/** A valid Yjs update that would add recognisable content, if the server ever stored it. */
function evilUpdate(text = 'EVIL content that must never be stored'): Uint8Array {
  const doc = new Y.Doc();
  addListItem(doc, 'disqualifiers', text.slice(0, 160));
  appendParagraph(doc, 'notes', text);
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

function message(write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  write(e);
  return encoding.toUint8Array(e);
}

interface Attack {
  name: string;
  payload: () => Uint8Array | string;
  closeCode: number;
}

const attacks: Attack[] = [
  {
    name: 'garbage bytes',
    payload: () => Buffer.from('deadbeef'.repeat(64), 'hex'),
    closeCode: CloseCode.malformedMessage,
  },
  {
    name: 'a sync update whose payload is not a Yjs update',
    payload: () => syncUpdateMessage(new TextEncoder().encode('EVIL: this is not a yjs update')),
    closeCode: CloseCode.malformedMessage,
  },
  {
    name: 'a sync step 2 whose payload is a truncated Yjs update',
    payload: () => {
      const update = evilUpdate();
      return message((e) => {
        encoding.writeVarUint(e, MessageType.sync);
        encoding.writeVarUint(e, SyncMessageType.step2);
        encoding.writeVarUint8Array(e, update.slice(0, update.length - 12));
      });
    },
    closeCode: CloseCode.malformedMessage,
  },
  {
    name: 'a truncated message (length prefix longer than the frame)',
    payload: () => {
      const whole = syncUpdateMessage(evilUpdate());
      return whole.slice(0, whole.length - 7);
    },
    closeCode: CloseCode.malformedMessage,
  },
  {
    name: 'a valid update followed by trailing bytes',
    payload: () => new Uint8Array([...syncUpdateMessage(evilUpdate()), 0, 0, 0]),
    closeCode: CloseCode.malformedMessage,
  },
  {
    name: 'an unknown message type carrying an update',
    payload: () =>
      message((e) => {
        encoding.writeVarUint(e, 42);
        encoding.writeVarUint8Array(e, evilUpdate());
      }),
    closeCode: CloseCode.malformedMessage,
  },
  {
    name: 'an unknown sync sub-type carrying an update',
    payload: () =>
      message((e) => {
        encoding.writeVarUint(e, MessageType.sync);
        encoding.writeVarUint(e, 7);
        encoding.writeVarUint8Array(e, evilUpdate());
      }),
    closeCode: CloseCode.malformedMessage,
  },
  {
    name: 'a sync step 1 with an invalid state vector',
    payload: () =>
      message((e) => {
        encoding.writeVarUint(e, MessageType.sync);
        encoding.writeVarUint(e, SyncMessageType.step1);
        encoding.writeVarUint8Array(e, new Uint8Array([5, 1]));
      }),
    closeCode: CloseCode.malformedMessage,
  },
  {
    name: 'an awareness update whose state is not JSON',
    payload: () =>
      message((e) => {
        encoding.writeVarUint(e, MessageType.awareness);
        encoding.writeVarUint8Array(
          e,
          message((a) => {
            encoding.writeVarUint(a, 1); // one entry
            encoding.writeVarUint(a, 123456); // client id
            encoding.writeVarUint(a, 1); // clock
            encoding.writeVarString(a, '{"user": EVIL');
          }),
        );
      }),
    closeCode: CloseCode.malformedMessage,
  },
  {
    name: 'a text frame',
    payload: () => JSON.stringify({ type: 'update', data: 'EVIL' }),
    closeCode: CloseCode.malformedMessage,
  },
  {
    name: 'a frame larger than 2 MiB',
    payload: () => syncUpdateMessage(evilUpdate('EVIL '.repeat(LIMITS.maxCollabMessageBytes / 4))),
    closeCode: CloseCode.messageTooBig,
  },
];

describe.each(BACKENDS)('hostile input on %s', (backend) => {
  const ctx = useServer(backend);
  const pool = new ClientPool();
  let icpId: string;
  let editor: CollabClient;
  let observer: CollabClient;
  let background: NodeJS.Timeout | undefined;
  let markers = 0;

  /** The good editor adds a paragraph; resolves once the observer has it. */
  const editReachesObserver = async (label: string) => {
    const text = `marker ${++markers}: ${label}`;
    appendParagraph(editor.doc, 'evidence', text);
    await waitFor(() => expect(paragraphsOf(observer.doc, 'evidence')).toContain(text));
  };

  beforeAll(async () => {
    icpId = (await createIcp(ctx.server, 'Under attack')).id;
    editor = await pool.connect(ctx.server, icpId);
    observer = await pool.connect(ctx.server, icpId);
    addListItem(editor.doc, 'industries', 'Cybersecurity');
    // The good editor keeps typing throughout the attacks.
    const typing = new Y.XmlText();
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [typing]);
    editor.doc.getXmlFragment('goals').push([paragraph]);
    background = setInterval(() => typing.insert(typing.length, 'a'), 5);
  });

  afterAll(() => {
    clearInterval(background);
    pool.destroyAll();
  });

  it.each(attacks)('closes a socket that sends $name, and keeps serving everyone else', async (attack) => {
    await editReachesObserver(`before ${attack.name}`);
    const attacker = pool.track(
      await RawCollabSocket.open(collabUrl(ctx.server, icpId), ctx.server.adminHeaders()),
    );
    await waitFor(() => attacker.received.length > 0); // fully accepted: the server sent sync step 1

    attacker.send(attack.payload());
    const closed = await attacker.closed;
    expect(closed.code).toBe(attack.closeCode);

    await editReachesObserver(`after ${attack.name}`);
    expect(await isHealthy(ctx.server)).toBe(true);
  });

  /** Opens a raw socket, sends `update` as a sync update, and answers the close code it got. */
  const sendUpdate = async (update: Uint8Array): Promise<number> => {
    const attacker = pool.track(
      await RawCollabSocket.open(collabUrl(ctx.server, icpId), ctx.server.adminHeaders()),
    );
    await waitFor(() => attacker.received.length > 0);
    attacker.send(syncUpdateMessage(update));
    return (await attacker.closedWithin(5_000)).code;
  };

  it('refuses a bit-flipped update that decodes but cannot be applied (4400), storing nothing', async () => {
    await editReachesObserver('before a bit-flipped update');
    const random = seededRandom(0xf11e);
    const real = evilUpdate('EVIL flipped');
    // Find flips that still decode but leave the update unappliable on the server's state.
    let broken: Uint8Array | undefined;
    for (let attempt = 0; attempt < 5_000 && !broken; attempt++) {
      const candidate = Uint8Array.from(real);
      const at = Math.floor(random() * candidate.length);
      candidate[at]! ^= 1 << Math.floor(random() * 8);
      try {
        Y.decodeUpdate(candidate);
      } catch {
        continue;
      }
      const replica = new Y.Doc();
      Y.applyUpdate(replica, Y.encodeStateAsUpdate(observer.doc));
      try {
        Y.applyUpdate(replica, candidate);
        if (replica.store.pendingStructs || replica.store.pendingDs) broken = candidate;
      } catch {
        broken = candidate;
      }
      replica.destroy();
    }
    expect(broken).toBeDefined();
    const rowsBefore = await ctx.storage.count('icp_updates', icpId);
    expect(await sendUpdate(broken!)).toBe(CloseCode.malformedMessage);
    await editReachesObserver('after a bit-flipped update');
    expect(await isHealthy(ctx.server)).toBe(true);
    // Only the good editor's rows were added meanwhile; none of them carries the flipped content.
    const stored = await ctx.storage.storedDoc(icpId);
    expect(JSON.stringify(stored.getXmlFragment('notes').toJSON())).not.toContain('EVIL');
    stored.destroy();
    expect(await ctx.storage.count('icp_updates', icpId)).toBeGreaterThanOrEqual(rowsBefore);
  });

  it("refuses deleting another client's future edits (4400), and that client's next edits are seen", async () => {
    await editReachesObserver('before a pre-deletion');
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 0); // no structs
    encoding.writeVarUint(e, 1); // one client in the delete set: the good editor
    encoding.writeVarUint(e, editor.doc.clientID);
    encoding.writeVarUint(e, 1); // one range, from clock 0 to 2^40
    encoding.writeVarUint(e, 0);
    encoding.writeVarUint(e, 2 ** 40);
    expect(await sendUpdate(encoding.toUint8Array(e))).toBe(CloseCode.malformedMessage);
    await editReachesObserver('after a pre-deletion');
  });

  it('refuses an upgrade to a malformed percent-encoded id with 404, like any unknown id', async () => {
    const refused = await expectUpgradeRefused(
      `${ctx.server.wsUrl}/collab/%ff%fe`,
      ctx.server.adminHeaders(),
    );
    expect(refused.status).toBe(404);
    expect(await isHealthy(ctx.server)).toBe(true);
  });

  it('refuses 1,500 nested elements (4400), and the ICP can still be versioned', async () => {
    const doc = new Y.Doc();
    let parent: Y.XmlFragment | Y.XmlElement = doc.getXmlFragment('notes');
    for (let i = 0; i < 1_500; i++) {
      const child: Y.XmlElement = new Y.XmlElement('blockquote');
      parent.insert(0, [child]);
      parent = child;
    }
    parent.insert(0, [new Y.XmlText('EVIL deep')]);
    expect(await sendUpdate(Y.encodeStateAsUpdate(doc))).toBe(CloseCode.malformedMessage);
    doc.destroy();
    await editReachesObserver('after deep nesting');
    const version = await createVersion(ctx.server, icpId, 'After deep nesting');
    expect(version.number).toBeGreaterThan(0);
  });

  it('survives randomly corrupted protocol messages without crashing or diverging', async () => {
    const random = seededRandom(0xb5e7e);
    const valid = [syncUpdateMessage(evilUpdate('fuzz')), message((e) => encoding.writeVarUint(e, 3))];
    const codes = new Set<number>();
    for (let i = 0; i < 60; i++) {
      const frame = Uint8Array.from(valid[i % valid.length]!);
      for (let flips = 1 + Math.floor(random() * 4); flips > 0; flips--) {
        frame[Math.floor(random() * frame.length)]! ^= 1 << Math.floor(random() * 8);
      }
      const attacker = pool.track(
        await RawCollabSocket.open(collabUrl(ctx.server, icpId), ctx.server.adminHeaders()),
      );
      attacker.send(frame);
      await attacker.roundTrip().catch(() => {}); // still open afterwards, or closed by the server
      if (attacker.isClosed) codes.add((await attacker.closed).code);
      attacker.destroy();
    }
    // Corruption is refused as malformed, never mistaken for a server error.
    expect([...codes].filter((code) => code !== CloseCode.malformedMessage)).toEqual([]);
    await editReachesObserver('after fuzzing');
    expect(await isHealthy(ctx.server)).toBe(true);
  });

  it('stored exactly what the good clients wrote: a fresh client after a restart sees the same', async () => {
    clearInterval(background);
    await editReachesObserver('last edit');
    await waitFor(() => expect(observer.canonical()).toBe(editor.canonical()));
    const expected = observer.canonical();
    expect(expected).not.toContain('EVIL');
    pool.destroyAll();

    expect(await ctx.server.stop()).toBe(0);
    await ctx.server.restart();
    const fresh = await pool.connect(ctx.server, icpId);
    expect(fresh.canonical()).toBe(expected);
    expect(paragraphsOf(fresh.doc, 'evidence')).toHaveLength(markers);
  });
});
