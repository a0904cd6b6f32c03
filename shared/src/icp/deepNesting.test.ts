import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { fragmentOf } from './accessors.js';
import { canonicalJson, toCanonical } from './canonical.js';
import { diffCanonical } from './diff.js';
import {
  fragmentToJson,
  limitRichTextDepth,
  MAX_RICH_TEXT_DEPTH,
  richTextDepth,
  richTextToPlain,
  type RichTextNode,
} from './fragment.js';
import { icpToMarkdown } from './markdown.js';
import { createTextAnchor, flatText, resolveTextAnchor } from './textAnchors.js';
import { icpCompleteness } from '../logic/completeness.js';

const version = { number: 1, name: null, createdAt: '2027-01-01T00:00:00.000Z', hash: 'f'.repeat(64) };

function paragraph(text: string, marks: Record<string, unknown> = {}): Y.XmlElement {
  const p = new Y.XmlElement('paragraph');
  const t = new Y.XmlText();
  t.insert(0, text, marks);
  p.insert(0, [t]);
  return p;
}

/**
 * A goals section of lists in list items `depth` elements deep (what a hostile client can send),
 * with text at the top, at every 500th level and at the very bottom (bold, and a link).
 */
function deepDoc(depth: number): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => {
    const fragment = fragmentOf(doc, 'goals');
    fragment.insert(0, [paragraph('Top of the section.')]);
    let parent: Y.XmlFragment | Y.XmlElement = fragment;
    for (let level = 1; level <= depth; level++) {
      const element = new Y.XmlElement(level % 2 ? 'bulletList' : 'listItem');
      parent.insert(parent.length, [element]);
      if (level % 2 === 0 && level % 500 === 0) element.insert(0, [paragraph(`Level ${level}.`)]);
      parent = element;
    }
    parent.insert(parent.length, [
      paragraph('The deepest words', { bold: {} }),
      paragraph('and a link', { link: { href: 'https://deep.example/' } }),
    ]);
  });
  return doc;
}

describe.each([1500, 5000])('a narrative section nested %i deep', (depth) => {
  const doc = deepDoc(depth);
  const expectedLevels = Array.from({ length: Math.floor(depth / 500) }, (_, i) => `Level ${(i + 1) * 500}.`);

  it('projects to canonical JSON of bounded depth that keeps every word', () => {
    const json = canonicalJson(doc);
    const canonical = JSON.parse(json) as { sections: { goals: RichTextNode } };
    const goals = canonical.sections.goals;
    expect(richTextDepth(goals)).toBeLessThanOrEqual(MAX_RICH_TEXT_DEPTH + 3);
    const plain = richTextToPlain(goals);
    expect(plain.startsWith('Top of the section.')).toBe(true);
    for (const level of expectedLevels) expect(plain).toContain(level);
    expect(plain).toMatch(/The deepest words\nand a link$/);
    // Marks survive the flattening.
    expect(json).toContain('{"marks":[{"type":"bold"}],"text":"The deepest words","type":"text"}');
    expect(json).toContain('"href":"https://deep.example/"');
    // Same document, same bytes.
    expect(canonicalJson(deepDoc(depth))).toBe(json);
  });

  it('diffs against an empty and an edited version', () => {
    const empty = toCanonical(new Y.Doc());
    const canonical = toCanonical(doc);
    const added = diffCanonical(empty, canonical);
    expect(added).toHaveLength(1);
    const change = added[0]!;
    expect(change.kind).toBe('richText');
    const addedText = change.kind === 'richText' ? change.changes.map((c) => c.text).join('') : '';
    expect(addedText).toContain('The deepest words');
    expect(diffCanonical(canonical, canonical)).toEqual([]);
    // Deep stored JSON (not depth-limited, as an old version may hold it) diffs too.
    const raw = rawDeepTree(depth, 'old words');
    const edited = {
      ...canonical,
      sections: { ...canonical.sections, goals: rawDeepTree(depth, 'new words') },
    };
    const before = { ...canonical, sections: { ...canonical.sections, goals: raw } };
    const diff = diffCanonical(before, edited);
    expect(diff[0]?.kind === 'richText' && diff[0].changes).toEqual([
      { type: 'removed', text: 'old' },
      { type: 'added', text: 'new' },
      { type: 'same', text: ' words' },
    ]);
  });

  it('exports Markdown with the text, the bold and the link', () => {
    const markdown = icpToMarkdown({ title: 'Deep', content: toCanonical(doc), version, approval: null });
    expect(markdown).toContain('Top of the section.');
    for (const level of expectedLevels) expect(markdown).toContain(level);
    expect(markdown).toContain('**The deepest words**');
    expect(markdown).toContain('[and a link](https://deep.example/)');
    // A raw deep tree (never projected) exports too.
    const canonical = toCanonical(doc);
    const content = { ...canonical, sections: { ...canonical.sections, goals: rawDeepTree(depth, 'raw') } };
    expect(icpToMarkdown({ title: 'Raw', content, version, approval: null })).toContain('raw');
  });

  it('measures completeness and flat text, and anchors comments at the bottom', () => {
    const goals = icpCompleteness(doc).sections.find((s) => s.key === 'goals');
    expect(goals?.status).toBe('complete');
    const fragment = fragmentOf(doc, 'goals');
    const flat = flatText(fragment);
    const from = flat.indexOf('deepest');
    expect(from).toBeGreaterThan(0);
    const anchor = createTextAnchor(fragment, from, from + 'deepest'.length);
    expect(resolveTextAnchor(fragment, anchor)).toEqual({ from, to: from + 'deepest'.length });
  });
});

/** A `doc` whose text sits `depth` blockquotes deep, as plain JSON (no Yjs, no limit applied). */
function rawDeepTree(depth: number, words: string): RichTextNode {
  let node: RichTextNode = { type: 'paragraph', content: [{ type: 'text', text: words }] };
  for (let i = 0; i < depth; i++) node = { type: 'blockquote', content: [node] };
  return { type: 'doc', content: [node] };
}

describe('limitRichTextDepth', () => {
  it('returns a tree within the limit as it is', () => {
    const doc = new Y.Doc();
    fragmentOf(doc, 'goals').insert(0, [paragraph('Shallow')]);
    const json = fragmentToJson(fragmentOf(doc, 'goals'));
    expect(limitRichTextDepth(json)).toBe(json);
    expect(json).toEqual({
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Shallow' }] }],
    });
  });

  it('keeps a document as deep as the collaboration server accepts unchanged', () => {
    // Elements nested up to the limit, text in the deepest paragraph (one level less).
    const tree = rawDeepTree(MAX_RICH_TEXT_DEPTH - 2, 'at the limit');
    expect(richTextDepth(tree)).toBe(MAX_RICH_TEXT_DEPTH);
    expect(limitRichTextDepth(tree)).toBe(tree);
  });

  it('flattens what lies below the limit into the element at the limit, keeping text and marks', () => {
    const tree: RichTextNode = {
      type: 'doc',
      content: [
        {
          type: 'bulletList',
          content: [
            {
              type: 'listItem',
              content: [
                { type: 'paragraph', content: [{ type: 'text', text: 'one' }] },
                {
                  type: 'blockquote',
                  content: [
                    {
                      type: 'paragraph',
                      content: [
                        { type: 'text', text: 'two', marks: [{ type: 'italic' }] },
                        { type: 'hardBreak' },
                        { type: 'text', text: 'three' },
                      ],
                    },
                  ],
                },
              ],
            },
          ],
        },
      ],
    };
    expect(limitRichTextDepth(tree, 2)).toEqual({
      type: 'doc',
      content: [
        {
          type: 'bulletList',
          content: [
            {
              type: 'listItem',
              content: [
                {
                  type: 'paragraph',
                  content: [
                    { type: 'text', text: 'one' },
                    { type: 'hardBreak' },
                    { type: 'text', text: 'two', marks: [{ type: 'italic' }] },
                    { type: 'hardBreak' },
                    { type: 'text', text: 'three' },
                  ],
                },
              ],
            },
          ],
        },
      ],
    });
    // A list at the limit keeps one item holding the text.
    expect(limitRichTextDepth(tree, 1).content?.[0]).toEqual({
      type: 'bulletList',
      content: [
        {
          type: 'listItem',
          content: [
            {
              type: 'paragraph',
              content: [
                { type: 'text', text: 'one' },
                { type: 'hardBreak' },
                { type: 'text', text: 'two', marks: [{ type: 'italic' }] },
                { type: 'hardBreak' },
                { type: 'text', text: 'three' },
              ],
            },
          ],
        },
      ],
    });
    expect(richTextToPlain(limitRichTextDepth(tree, 1))).toBe(richTextToPlain(tree).replace(/\n+/g, '\n'));
  });

  it('tolerates malformed stored trees', () => {
    const tree = {
      type: 'doc',
      content: [null, 3, { type: 'paragraph', content: 'nope' }],
    } as unknown as RichTextNode;
    expect(() => limitRichTextDepth(tree, 1)).not.toThrow();
    expect(richTextToPlain(tree)).toBe('');
  });
});
