import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { prosemirrorToYXmlFragment } from '@tiptap/y-tiptap';
import { createTextAnchor, flatText, resolveTextAnchor } from '@bullseye/shared';
import { narrativeSchema } from '@bullseye/shared/schema';
import { flatRangeToPm, flatToPm, pmFlatText, pmToFlat } from './pmFlatOffsets.js';

const schema = narrativeSchema();

/** Two paragraphs (one with marks and a hard break), a bullet list of two items, a heading. */
function sampleDoc() {
  return schema.nodeFromJSON({
    type: 'doc',
    content: [
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'Grow ' },
          { type: 'text', text: 'net revenue', marks: [{ type: 'bold' }] },
          { type: 'text', text: ' retention' },
        ],
      },
      { type: 'paragraph' },
      {
        type: 'paragraph',
        content: [{ type: 'text', text: 'Cut' }, { type: 'hardBreak' }, { type: 'text', text: 'churn' }],
      },
      {
        type: 'bulletList',
        content: [
          {
            type: 'listItem',
            content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Faster onboarding' }] }],
          },
          {
            type: 'listItem',
            content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Fewer tickets' }] }],
          },
        ],
      },
      { type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text: 'Why' }] },
    ],
  });
}

const FLAT = 'Grow net revenue retentionCutchurnFaster onboardingFewer ticketsWhy';

describe('PM <-> flat offsets', () => {
  const doc = sampleDoc();

  it('reads the same flat text as the Yjs fragment y-prosemirror writes', () => {
    const ydoc = new Y.Doc();
    const fragment = ydoc.getXmlFragment('goals');
    prosemirrorToYXmlFragment(doc, fragment);
    expect(pmFlatText(doc)).toBe(FLAT);
    expect(flatText(fragment)).toBe(FLAT);
  });

  it('maps every flat offset to a position and back', () => {
    for (let offset = 0; offset <= FLAT.length; offset++) {
      if (offset < FLAT.length) expect(pmToFlat(doc, flatToPm(doc, offset, 'start')!)).toBe(offset);
      if (offset > 0) expect(pmToFlat(doc, flatToPm(doc, offset, 'end')!)).toBe(offset);
    }
    expect(flatToPm(doc, FLAT.length + 1, 'start')).toBeNull();
    expect(flatToPm(doc, -1, 'end')).toBeNull();
  });

  it('puts block boundaries on the right side of a range', () => {
    const retention = FLAT.indexOf('Cut');
    const start = flatToPm(doc, retention, 'start')!;
    const end = flatToPm(doc, retention, 'end')!;
    expect(doc.textBetween(start, start + 3)).toBe('Cut');
    expect(doc.textBetween(end - 9, end)).toBe('retention');
  });

  it('keeps the text of every flat range', () => {
    for (let from = 0; from < FLAT.length; from += 3) {
      for (let to = from + 1; to <= FLAT.length; to += 5) {
        const range = flatRangeToPm(doc, from, to)!;
        expect(doc.textBetween(range.from, range.to, '', '')).toBe(FLAT.slice(from, to));
      }
    }
  });

  it('round-trips a selection through a Yjs text anchor', () => {
    const ydoc = new Y.Doc();
    const fragment = ydoc.getXmlFragment('goals');
    prosemirrorToYXmlFragment(doc, fragment);
    const text = 'revenue retentionCutchurnFaster';
    const from = FLAT.indexOf(text);
    const pm = flatRangeToPm(doc, from, from + text.length)!;

    const anchor = createTextAnchor(fragment, pmToFlat(doc, pm.from), pmToFlat(doc, pm.to));
    const resolved = resolveTextAnchor(fragment, anchor)!;
    expect(flatRangeToPm(doc, resolved.from, resolved.to)).toEqual(pm);
    expect(doc.textBetween(pm.from, pm.to, '', '')).toBe(text);
  });

  it('maps positions between blocks to the text before them', () => {
    // Position 0 (before the first paragraph) and the end of the document.
    expect(pmToFlat(doc, 0)).toBe(0);
    expect(pmToFlat(doc, doc.content.size)).toBe(FLAT.length);
  });

  it('handles an empty document', () => {
    const empty = schema.nodeFromJSON({ type: 'doc', content: [{ type: 'paragraph' }] });
    expect(pmFlatText(empty)).toBe('');
    expect(flatToPm(empty, 0, 'start')).toBeNull();
    expect(flatRangeToPm(empty, 0, 1)).toBeNull();
  });
});
