import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addListItem, fragmentOf, writeRange } from './accessors.js';
import { canonicalJson, canonicalStringify, toCanonical } from './canonical.js';
import { ICP_SECTIONS } from './layout.js';

describe('canonical JSON', () => {
  it('sorts keys at every depth so equal content gives equal text', () => {
    expect(canonicalStringify({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[2,{"y":2,"z":1}]},"b":1}',
    );
    expect(canonicalStringify({ a: 1, b: undefined })).toBe('{"a":1}');
  });

  it('projects every section of the layout, and nothing else', () => {
    const doc = new Y.Doc();
    doc.getMap('somethingForeign').set('x', 1);
    const canonical = toCanonical(doc);
    expect(Object.keys(canonical.sections).sort()).toEqual(ICP_SECTIONS.map((s) => s.key).sort());
    expect(canonical.sections.goals).toEqual({ type: 'doc', content: [] });
  });

  it('is identical for replicas that reached the same state by different paths', () => {
    const a = new Y.Doc();
    const item = addListItem(a, 'industries', 'Fintech');
    writeRange(a, 'employees', { max: 1000 });
    writeRange(a, 'employees', { min: 200 });
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const c = new Y.Doc();
    // Apply the same update split into the document's structs in another order.
    Y.applyUpdate(c, Y.encodeStateAsUpdate(b));
    expect(canonicalJson(b)).toBe(canonicalJson(a));
    expect(canonicalJson(c)).toBe(canonicalJson(a));
    expect(JSON.parse(canonicalJson(a)).sections.industries).toEqual([{ id: item.id, text: 'Fintech' }]);
  });

  it('renders rich text as ProseMirror JSON with sorted marks and attributes', () => {
    const doc = new Y.Doc();
    const heading = new Y.XmlElement('heading');
    heading.setAttribute('level', 3 as unknown as string);
    const text = new Y.XmlText();
    text.insert(0, 'Why now', { italic: {}, bold: {} });
    heading.insert(0, [text]);
    fragmentOf(doc, 'evidence').insert(0, [heading]);
    expect(toCanonical(doc).sections.evidence).toEqual({
      type: 'doc',
      content: [
        {
          type: 'heading',
          attrs: { level: 3 },
          content: [{ type: 'text', text: 'Why now', marks: [{ type: 'bold' }, { type: 'italic' }] }],
        },
      ],
    });
  });
});
