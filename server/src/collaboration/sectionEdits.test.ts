import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addListItem, fragmentOf, removeListItem, writeRange } from '@bullseye/shared';
import { changedSections, touchedSections } from './sectionEdits.js';

/** A client document that records its updates, and the server's copy they are applied to. */
function pair() {
  const client = new Y.Doc();
  const server = new Y.Doc();
  const updates: Uint8Array[] = [];
  let changed = new Set<string>();
  server.on('afterTransaction', (transaction: Y.Transaction) => {
    changed = changedSections(transaction);
  });
  client.on('update', (update: Uint8Array) => {
    updates.push(update);
    Y.applyUpdate(server, update);
  });
  return {
    client,
    server,
    last: () => {
      const update = updates[updates.length - 1]!;
      // Both ways of telling agree: decoding the update, and the transaction that applied it.
      const decoded = touchedSections(server, update);
      if ([...decoded].sort().join() !== [...changed].sort().join()) {
        throw new Error(`decoded ${[...decoded].join()} but the transaction changed ${[...changed].join()}`);
      }
      return update;
    },
  };
}

describe('touchedSections and changedSections (who edits which section)', () => {
  it('names the section a criterion, a range bound or narrative text went into', () => {
    const { client, server, last } = pair();
    addListItem(client, 'industries', 'Fintech');
    expect([...touchedSections(server, last())]).toEqual(['industries']);
    writeRange(client, 'employees', { min: 200 });
    expect([...touchedSections(server, last())]).toEqual(['employees']);
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('Grow net revenue retention')]);
    fragmentOf(client, 'goals').insert(0, [paragraph]);
    expect([...touchedSections(server, last())]).toEqual(['goals']);
    // Typing inside the paragraph, deep below the section's root type, is still Goals.
    (paragraph.get(0) as Y.XmlText).insert(0, 'Q1: ');
    expect([...touchedSections(server, last())]).toEqual(['goals']);
  });

  it('counts deletions, and several sections changed in one transaction', () => {
    const { client, server, last } = pair();
    const item = addListItem(client, 'disqualifiers', 'Under 20 employees');
    client.transact(() => {
      removeListItem(client, 'disqualifiers', item.id);
      addListItem(client, 'technologies', 'Salesforce');
    });
    expect([...touchedSections(server, last())].sort()).toEqual(['disqualifiers', 'technologies']);
  });

  it('ignores top-level types that are not sections of the ICP', () => {
    const { client, server, last } = pair();
    client.getMap('someoneElsesData').set('x', 1);
    expect(touchedSections(server, last()).size).toBe(0);
  });
});
