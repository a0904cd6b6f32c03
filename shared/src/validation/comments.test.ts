import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createTextAnchor } from '../icp/textAnchors.js';
import { abilitiesFor } from '../logic/abilities.js';
import { commentAbilities, threadAbilities } from '../logic/commentRules.js';
import { createCommentBodySchema, markInboxReadBodySchema, updateCommentBodySchema } from './comments.js';

function firstIssuePath(result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) {
  return result.error?.issues[0]?.path.join('.');
}

function textPositions() {
  const fragment = new Y.Doc().getXmlFragment('goals');
  const p = new Y.XmlElement('paragraph');
  const t = new Y.XmlText();
  t.insert(0, 'Grow pipeline');
  p.insert(0, [t]);
  fragment.insert(0, [p]);
  return createTextAnchor(fragment, 0, 4);
}

describe('comment bodies', () => {
  it('accepts each kind of anchor', () => {
    const positions = textPositions();
    for (const anchor of [
      { type: 'icp' },
      { type: 'criterion', section: 'industries', itemId: 'abc', quote: 'Fintech' },
      { type: 'criterion', section: 'revenue', itemId: null, quote: '$10M–$50M' },
      { type: 'text', section: 'goals', ...positions, quote: 'Grow' },
    ]) {
      expect(createCommentBodySchema.safeParse({ body: 'Why?', anchor }).success).toBe(true);
    }
  });

  it('names the field that is wrong', () => {
    const cases: [unknown, string][] = [
      [{ body: '   ', anchor: { type: 'icp' } }, 'body'],
      [{ body: 'x'.repeat(4001), anchor: { type: 'icp' } }, 'body'],
      [{ body: 'a\u0000b', anchor: { type: 'icp' } }, 'body'],
      [{ body: 'x', anchor: { type: 'paragraph' } }, 'anchor.type'],
      [
        { body: 'x', anchor: { type: 'criterion', section: 'industries', itemId: null, quote: '' } },
        'anchor.itemId',
      ],
      [
        { body: 'x', anchor: { type: 'criterion', section: 'revenue', itemId: 'a', quote: '' } },
        'anchor.itemId',
      ],
      [
        { body: 'x', anchor: { type: 'criterion', section: 'goals', itemId: 'a', quote: '' } },
        'anchor.section',
      ],
      [
        { body: 'x', anchor: { type: 'text', section: 'goals', start: '!!', end: '!!', quote: 'q' } },
        'anchor.start',
      ],
      [
        { body: 'x', anchor: { type: 'text', section: 'industries', ...textPositions(), quote: 'q' } },
        'anchor.section',
      ],
      [{ body: 'x', anchor: { type: 'icp' }, blocking: 'yes' }, 'blocking'],
    ];
    for (const [input, field] of cases) {
      expect(
        firstIssuePath(createCommentBodySchema.safeParse(input)),
        JSON.stringify(input).slice(0, 80),
      ).toBe(field);
    }
  });

  it('keeps newlines in bodies and flattens control characters in quotes', () => {
    const parsed = createCommentBodySchema.parse({
      body: 'line one\nline two',
      anchor: { type: 'criterion', section: 'industries', itemId: 'a', quote: 'Fin\ntech' },
    });
    expect(parsed.body).toBe('line one\nline two');
    expect(parsed.anchor).toMatchObject({ quote: 'Fin tech' });
    expect(parsed.blocking).toBe(false);
  });

  it('requires an update to change something, and inbox reads to name ids or all', () => {
    expect(updateCommentBodySchema.safeParse({}).success).toBe(false);
    expect(updateCommentBodySchema.safeParse({ blocking: true }).success).toBe(true);
    expect(markInboxReadBodySchema.safeParse({ all: true }).success).toBe(true);
    expect(markInboxReadBodySchema.safeParse({ all: false }).success).toBe(false);
    expect(markInboxReadBodySchema.safeParse({ ids: [] }).success).toBe(false);
  });
});

describe('comment rules', () => {
  const viewer = (role: 'admin' | 'editor' | 'commenter' | 'viewer') => ({
    userId: 'me',
    abilities: abilitiesFor(role),
  });

  it('lets people edit only their own comments and admins delete anyone’s', () => {
    expect(commentAbilities(viewer('editor'), 'me')).toEqual({ update: true, delete: true });
    expect(commentAbilities(viewer('editor'), 'other')).toEqual({ update: false, delete: false });
    expect(commentAbilities(viewer('admin'), 'other')).toEqual({ update: false, delete: true });
    expect(commentAbilities(viewer('viewer'), 'me')).toEqual({ update: false, delete: false });
  });

  it('lets commenters resolve, and only authors or editors mark blocking', () => {
    expect(threadAbilities(viewer('commenter'), 'other')).toEqual({
      reply: true,
      resolve: true,
      setBlocking: false,
    });
    expect(threadAbilities(viewer('commenter'), 'me').setBlocking).toBe(true);
    expect(threadAbilities(viewer('editor'), 'other').setBlocking).toBe(true);
    expect(threadAbilities(viewer('viewer'), 'me')).toEqual({
      reply: false,
      resolve: false,
      setBlocking: false,
    });
  });
});
