import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addListItem,
  fragmentOf,
  readList,
  richTextToPlain,
  fragmentToJson,
  sectionOf,
} from '@bullseye/shared';
import { HttpError } from '../errors.js';
import { promoteNotes, type Promotion } from './promoteNotes.js';

const provenance = (noteId: string, votes = 2): Promotion['provenance'] => ({
  source: 'workshop',
  workshopId: 'w1',
  noteId,
  proposedBy: { id: 'u1', name: 'Ana' },
  votes,
  at: '2027-01-14T10:00:00.000Z',
});

describe('promoteNotes', () => {
  it('adds list criteria with their provenance and narrative notes as paragraphs at the end', () => {
    const doc = new Y.Doc();
    const p = new Y.XmlElement('paragraph');
    p.insert(0, [new Y.XmlText('Existing goal.')]);
    fragmentOf(doc, 'goals').insert(0, [p]);
    promoteNotes(doc, [
      { section: 'industries', text: 'Fintech', provenance: provenance('n1', 3) },
      { section: 'goals', text: 'Cut month-end close to 3 days', provenance: provenance('n2') },
    ]);
    expect(readList(doc, 'industries')).toEqual([
      expect.objectContaining({ text: 'Fintech', provenance: provenance('n1', 3) }),
    ]);
    expect(richTextToPlain(fragmentToJson(fragmentOf(doc, 'goals')))).toBe(
      'Existing goal.\nCut month-end close to 3 days',
    );
  });

  it('leaves a criterion the list already has (any case) as it is', () => {
    const doc = new Y.Doc();
    addListItem(doc, 'industries', 'FinTech');
    promoteNotes(doc, [{ section: 'industries', text: 'fintech', provenance: provenance('n1') }]);
    expect(readList(doc, 'industries').map((i) => [i.text, i.provenance])).toEqual([['FinTech', undefined]]);
  });

  it('refuses (409) when the list is full, naming the section', () => {
    const doc = new Y.Doc();
    for (let i = 0; i < sectionOf('industries').maxItems; i++)
      addListItem(doc, 'industries', `Industry ${i}`);
    let thrown: unknown;
    try {
      promoteNotes(doc, [{ section: 'industries', text: 'One more', provenance: provenance('n1') }]);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(HttpError);
    expect((thrown as HttpError).status).toBe(409);
    expect((thrown as HttpError).message).toContain('Industries');
  });
});
