import { describe, expect, it } from 'vitest';
import { fromMarkdown } from 'mdast-util-from-markdown';
import * as Y from 'yjs';
import { testEvidence } from '../testing/evidence.js';
import { addListItem, fragmentOf, writeRange } from './accessors.js';
import { toCanonical } from './canonical.js';
import { writeBestCustomers } from './bestCustomers.js';
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

/** A narrative section holding one paragraph per [text, marks] piece. */
function withNarrative(pieces: [string, Record<string, unknown>?][][]) {
  const doc = new Y.Doc();
  const fragment = fragmentOf(doc, 'goals');
  fragment.insert(
    0,
    pieces.map((line) => {
      const p = new Y.XmlElement('paragraph');
      const t = new Y.XmlText();
      let at = 0;
      for (const [text, marks] of line) {
        t.insert(at, text, marks ?? {});
        at += text.length;
      }
      p.insert(0, [t]);
      return p;
    }),
  );
  return icpToMarkdown({ title: 'Hostile <b>title</b>', content: toCanonical(doc), version, approval: null });
}

/** Every node of the Markdown parsed as CommonMark, in document order. */
function nodesOf(markdown: string) {
  const nodes: { type: string; url?: string; value?: string }[] = [];
  const stack: unknown[] = [fromMarkdown(markdown)];
  while (stack.length) {
    const node = stack.pop() as { type: string; children?: unknown[] };
    nodes.push(node);
    stack.push(...[...(node.children ?? [])].reverse());
  }
  return nodes;
}

describe('icpToMarkdown with hostile content', () => {
  const DANGEROUS = [
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'java\tscript:alert(1)',
    ' javascript:alert(1)',
    '\njavascript:alert(1)',
    'javascript&colon;alert(1)',
    '&#106;avascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    '//evil.example/x',
    '/relative',
  ];

  it.each(DANGEROUS)('exports a link to %j as plain text', (href) => {
    const markdown = withNarrative([
      [
        ['before ', {}],
        ['click me', { link: { href } }],
        [' after', {}],
      ],
    ]);
    expect(markdown).toContain('before click me after');
    const nodes = nodesOf(markdown);
    expect(nodes.filter((n) => n.type === 'link')).toEqual([]);
    expect(nodes.filter((n) => n.type === 'html')).toEqual([]);
    expect(markdown).not.toMatch(/script:|data:|\]\(/i);
  });

  it('keeps web and mail links, escaped so a target cannot break out of the link', () => {
    const markdown = withNarrative([
      [['ok', { link: { href: 'https://ok.example/a)<img src=x onerror=alert(1)>' } }]],
      [['parens', { link: { href: 'https://x.example/(a)' } }]],
      [['mail', { link: { href: 'mailto:a@b.example' } }]],
      [['quote', { link: { href: 'https://q.example/"><script>alert(1)</script>' } }]],
    ]);
    const nodes = nodesOf(markdown);
    expect(nodes.filter((n) => n.type === 'html')).toEqual([]);
    expect(markdown).not.toMatch(/<img|<script/i);
    expect(nodes.filter((n) => n.type === 'link').map((n) => n.url)).toEqual([
      'https://ok.example/a)%3Cimg%20src=x%20onerror=alert(1)%3E',
      'https://x.example/(a)',
      'mailto:a@b.example',
      'https://q.example/%22%3E%3Cscript%3Ealert(1)%3C/script%3E',
    ]);
    // The link text is exactly the marked text: nothing of the target leaked into the line.
    const texts = nodes.filter((n) => n.type === 'text').map((n) => n.value);
    expect(texts).toEqual(expect.arrayContaining(['ok', 'parens', 'mail', 'quote']));
    expect(texts.some((t) => /onerror|alert/.test(t ?? ''))).toBe(false);
  });

  it('escapes Markdown and HTML in text, titles and criteria so nothing becomes markup', () => {
    const doc = new Y.Doc();
    addListItem(doc, 'industries', '<img src=x onerror=alert(1)>');
    const p = new Y.XmlElement('paragraph');
    const t = new Y.XmlText();
    t.insert(0, '<script>alert(1)</script> [x](javascript:alert(1)) &amp; <!-- c --> # 1. *a*');
    p.insert(0, [t]);
    const code = new Y.XmlElement('paragraph');
    const c = new Y.XmlText();
    c.insert(0, 'a ` <b> tick', { code: {} });
    code.insert(0, [c]);
    fragmentOf(doc, 'painPoints').insert(0, [p, code]);
    const markdown = icpToMarkdown({
      title: '<script>alert("title")</script>',
      content: toCanonical(doc),
      version: { ...version, name: '<img src=x onerror=alert(2)>' },
      approval: null,
    });
    const nodes = nodesOf(markdown);
    expect(nodes.filter((n) => n.type === 'html')).toEqual([]);
    expect(nodes.filter((n) => n.type === 'link')).toEqual([]);
    const texts = nodes.flatMap((n) => (n.type === 'text' || n.type === 'inlineCode' ? [n.value] : []));
    expect(texts.join('|')).toContain(
      '<script>alert(1)</script> [x](javascript:alert(1)) &amp; <!-- c --> # 1. *a*',
    );
    expect(texts).toContain('<script>alert("title")</script>');
    expect(texts).toContain('<img src=x onerror=alert(1)>');
    expect(texts).toContain('a ` <b> tick');
  });
});

describe('icpToMarkdown with customer data', () => {
  const evidence = testEvidence('industry', 'Fintech', null, {
    datasetId: '6f1c3a52-0a3e-4c6e-9d55-3c1b2a0e9f10',
    bestCustomers: 'status is customer · LTV in the top 25% (compared with all accounts)',
  });

  it('writes the evidence beside its criterion and the best-customer definition the profile came from', () => {
    const doc = new Y.Doc();
    addListItem(doc, 'industries', 'Fintech', evidence);
    addListItem(doc, 'industries', 'Insurance');
    writeRange(doc, 'employees', {
      min: 201,
      max: 1000,
      evidence: {
        ...evidence,
        dimension: 'employees',
        value: '201–1,000 employees',
        band: { min: 201, max: 1000 },
      },
    });
    writeBestCustomers(doc, {
      datasetId: evidence.datasetId,
      comparison: 'all',
      conditions: [
        { op: 'in', field: 'status', values: ['customer'] },
        { op: 'top', field: 'ltv', percent: 25 },
      ],
    });
    const markdown = icpToMarkdown({
      title: 'Data-backed',
      content: toCanonical(doc),
      version,
      approval: null,
    });
    expect(markdown).toContain(
      '- Fintech _(evidence: lift 2.1× (95% CI 1.6×–2.7×), 38% of best customers vs 18% of all accounts, n = 412, win rate 41%; dataset "HubSpot Q3" rev 2, 2026-12-03)_\n- Insurance\n',
    );
    expect(markdown).toContain('201 – 1,000 employees _(evidence: lift 2.1×');
    expect(markdown).toContain('## Best customers\n\nDerived from: status is customer · LTV in the top 25%');
  });

  it('keeps the canonical JSON (and so the hash) of an ICP without customer data as it was', () => {
    const doc = new Y.Doc();
    addListItem(doc, 'industries', 'Fintech');
    const canonical = toCanonical(doc);
    expect(Object.keys(canonical)).toEqual(['schemaVersion', 'sections']);
    expect(canonical.sections.industries).toEqual([{ id: expect.any(String), text: 'Fintech' }]);
  });
});
