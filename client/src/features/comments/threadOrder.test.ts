import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { prosemirrorToYXmlFragment } from '@tiptap/y-tiptap';
import { addListItem, createTextAnchor, removeListItem, type CommentAnchorDto } from '@bullseye/shared';
import { narrativeSchema } from '@bullseye/shared/schema';
import { placeAnchors, sortByDocumentOrder } from './threadOrder.js';

const schema = narrativeSchema();

function setText(doc: Y.Doc, key: string, paragraphs: string[]) {
  const pm = schema.nodeFromJSON({
    type: 'doc',
    content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
  });
  prosemirrorToYXmlFragment(pm, doc.getXmlFragment(key));
}

function textAnchor(doc: Y.Doc, section: string, from: number, to: number): CommentAnchorDto {
  return { type: 'text', section, quote: 'q', ...createTextAnchor(doc.getXmlFragment(section), from, to) };
}

describe('document order of threads', () => {
  const doc = new Y.Doc();
  const fintech = addListItem(doc, 'industries', 'Fintech');
  const insurance = addListItem(doc, 'industries', 'Insurance');
  const gone = addListItem(doc, 'industries', 'Retail');
  const trigger = addListItem(doc, 'buyingTriggers', 'New VP of Sales');
  setText(doc, 'goals', ['Grow net revenue retention.', 'Cut churn in half.']);
  setText(doc, 'painPoints', ['Manual reporting.']);

  const anchors = new Map<string, CommentAnchorDto>([
    ['painPoints-0', textAnchor(doc, 'painPoints', 0, 6)],
    ['goals-late', textAnchor(doc, 'goals', 27, 31)],
    ['goals-early', textAnchor(doc, 'goals', 5, 8)],
    ['goals-detached', textAnchor(doc, 'goals', 9, 16)],
    ['trigger', { type: 'criterion', section: 'buyingTriggers', itemId: trigger.id, quote: trigger.text }],
    ['insurance', { type: 'criterion', section: 'industries', itemId: insurance.id, quote: 'Insurance' }],
    ['retail-gone', { type: 'criterion', section: 'industries', itemId: gone.id, quote: 'Retail' }],
    ['fintech', { type: 'criterion', section: 'industries', itemId: fintech.id, quote: 'Fintech' }],
    ['revenue', { type: 'criterion', section: 'revenue', itemId: null, quote: '$10M – $50M' }],
    ['employees', { type: 'criterion', section: 'employees', itemId: null, quote: '200 – 2K employees' }],
    ['icp-new', { type: 'icp' }],
    ['icp-old', { type: 'icp' }],
    ['unknown', { type: 'criterion', section: 'nonsense', itemId: 'x', quote: 'x' }],
  ]);

  // Delete "revenue" (flat 9..16) and the Retail chip: those two threads detach.
  const goals = doc.getXmlFragment('goals');
  const firstText = (goals.get(0) as Y.XmlElement).get(0) as Y.XmlText;
  firstText.delete(9, 8);
  removeListItem(doc, 'industries', gone.id);

  const threads = [...anchors.keys()].map((id, i) => ({
    id,
    createdAt:
      id === 'icp-old' ? '2024-01-01T00:00:00.000Z' : `2025-01-01T00:00:${String(i).padStart(2, '0')}.000Z`,
  }));

  it('places anchors and detects detached ones', () => {
    const placements = placeAnchors(doc, anchors);
    expect(placements.get('goals-detached')?.detached).toBe(true);
    expect(placements.get('retail-gone')?.detached).toBe(true);
    expect(placements.get('fintech')).toMatchObject({ detached: false, offset: 0 });
    expect(placements.get('insurance')).toMatchObject({ detached: false, offset: 1 });
    expect(placements.get('goals-early')).toMatchObject({ detached: false, range: { from: 5, to: 8 } });
    // The late range moved left by the 8 deleted characters.
    expect(placements.get('goals-late')).toMatchObject({ detached: false, range: { from: 19, to: 23 } });
    expect(placements.get('revenue')?.detached).toBe(false);
  });

  it('sorts whole-ICP threads first, then by section, criterion and text position, detached last', () => {
    const sorted = sortByDocumentOrder(threads, placeAnchors(doc, anchors)).map((t) => t.id);
    expect(sorted).toEqual([
      'icp-old',
      'icp-new',
      'fintech',
      'insurance',
      'retail-gone',
      'employees',
      'revenue',
      'trigger',
      'goals-early',
      'goals-late',
      'goals-detached',
      'painPoints-0',
      'unknown',
    ]);
  });
});
