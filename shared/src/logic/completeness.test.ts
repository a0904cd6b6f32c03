import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addListItem, fragmentOf, writeRange } from '../icp/accessors.js';
import { ICP_SECTIONS } from '../icp/layout.js';
import { icpCompleteness } from './completeness.js';

const statusOf = (doc: Y.Doc, key: string) => icpCompleteness(doc).sections.find((s) => s.key === key)!;

describe('completeness', () => {
  it('counts an empty ICP as nothing complete except optional notes', () => {
    const { sections, percent } = icpCompleteness(new Y.Doc());
    expect(sections).toHaveLength(ICP_SECTIONS.length);
    expect(sections.filter((s) => s.status === 'complete').map((s) => s.key)).toEqual(['notes']);
    expect(percent).toBe(Math.round(100 / ICP_SECTIONS.length));
  });

  it('flags catch-all list entries as vague', () => {
    const doc = new Y.Doc();
    addListItem(doc, 'industries', 'Any industry');
    expect(statusOf(doc, 'industries')).toMatchObject({
      status: 'thin',
      advice: expect.stringContaining('catch-all'),
    });
    const specific = new Y.Doc();
    addListItem(specific, 'industries', 'B2B SaaS');
    expect(statusOf(specific, 'industries').status).toBe('complete');
  });

  it('asks for both bounds of a range, and a real band', () => {
    const doc = new Y.Doc();
    writeRange(doc, 'employees', { min: 200 });
    expect(statusOf(doc, 'employees').status).toBe('thin');
    writeRange(doc, 'employees', { max: 1000 });
    expect(statusOf(doc, 'employees').status).toBe('complete');
  });

  it('treats a one-liner narrative as thin', () => {
    const doc = new Y.Doc();
    const p = new Y.XmlElement('paragraph');
    const t = new Y.XmlText();
    t.insert(0, 'Grow.');
    p.insert(0, [t]);
    fragmentOf(doc, 'goals').insert(0, [p]);
    expect(statusOf(doc, 'goals').status).toBe('thin');
    t.insert(5, ' Double qualified pipeline from mid-market accounts within two quarters.');
    expect(statusOf(doc, 'goals').status).toBe('complete');
  });
});
