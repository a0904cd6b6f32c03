import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addListItem, fragmentOf, writeRange } from './accessors.js';
import { toCanonical } from './canonical.js';
import { exportFileName, icpToMarkdown, rangeText } from './markdown.js';

const version = {
  number: 3,
  name: 'Q1 2027 workshop',
  createdAt: '2027-01-15T10:00:00.000Z',
  hash: 'a'.repeat(64),
};

function sample() {
  const doc = new Y.Doc();
  addListItem(doc, 'industries', 'Fintech');
  addListItem(doc, 'industries', 'B2B *SaaS*');
  writeRange(doc, 'employees', { min: 200, max: 2000 });
  const heading = new Y.XmlElement('heading');
  heading.setAttribute('level', 3 as unknown as string);
  const headingText = new Y.XmlText();
  headingText.insert(0, 'Revenue');
  heading.insert(0, [headingText]);
  const p = new Y.XmlElement('paragraph');
  const t = new Y.XmlText();
  t.insert(0, 'Grow ');
  t.insert(5, 'net revenue retention', { bold: {} });
  t.insert(26, ' above 120%.', { bold: null });
  p.insert(0, [t]);
  const list = new Y.XmlElement('bulletList');
  const item = new Y.XmlElement('listItem');
  const itemParagraph = new Y.XmlElement('paragraph');
  const itemText = new Y.XmlText();
  itemText.insert(0, 'Expand into EMEA');
  itemParagraph.insert(0, [itemText]);
  item.insert(0, [itemParagraph]);
  list.insert(0, [item]);
  fragmentOf(doc, 'goals').insert(0, [heading, p, list]);
  return toCanonical(doc);
}

describe('icpToMarkdown', () => {
  it('renders every section in page order, with the version and its approval', () => {
    const markdown = icpToMarkdown({
      title: 'Mid-market fintech',
      content: sample(),
      version,
      approval: {
        approvedBy: 'Lena Leader',
        approvedAt: '2027-01-20T09:00:00.000Z',
        signOffs: [{ function: 'sales', by: 'Sam Sales', at: '2027-01-18T09:00:00.000Z' }],
      },
    });
    expect(markdown).toContain('# Mid-market fintech\n');
    expect(markdown).toContain(`Version 3: Q1 2027 workshop · 2027-01-15 · SHA-256 \`${'a'.repeat(64)}\``);
    expect(markdown).toContain('**Approved** by Lena Leader on 2027-01-20.');
    expect(markdown).toContain('- Sales: signed off by Sam Sales on 2027-01-18');
    expect(markdown).toContain('### Industries\n\n- Fintech\n- B2B \\*SaaS\\*\n');
    expect(markdown).toContain('### Company size (employees)\n\n200 – 2,000 employees\n');
    expect(markdown).toContain(
      '#### Revenue\n\nGrow **net revenue retention** above 120%.\n\n- Expand into EMEA\n',
    );
    expect(markdown).toContain('### Geographies\n\n_None listed._');
    expect(markdown.indexOf('### Industries')).toBeLessThan(markdown.indexOf('### Goals'));
    expect(markdown.endsWith('\n')).toBe(true);
    expect(markdown).not.toMatch(/\n{3,}/);
  });

  it('says plainly when a range is open-ended or unset', () => {
    expect(rangeText('money', { min: 10_000_000, max: null, currency: 'EUR' })).toBe(
      'EUR 10,000,000 or more',
    );
    expect(rangeText('employees', { min: null, max: 500 })).toBe('Up to 500 employees');
    expect(rangeText('employees', { min: null, max: null })).toBe('_Not set._');
  });
});

describe('exportFileName', () => {
  it('is safe on every filesystem', () => {
    expect(exportFileName('Mid-market fintech', 3, 'md')).toBe('mid-market-fintech-v3.md');
    expect(exportFileName('Énergie / "Utilities": Q1?', 1, 'json')).toBe('energie-utilities-q1-v1.json');
    expect(exportFileName('🚀 日本市場', 2, 'md')).toBe('icp-v2.md');
    expect(exportFileName('../../etc/passwd', 4, 'md')).toBe('etc-passwd-v4.md');
    expect(exportFileName('a'.repeat(200), 5, 'md')).toBe(`${'a'.repeat(60)}-v5.md`);
  });
});
