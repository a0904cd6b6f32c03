import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import { LIMITS } from '@bullseye/shared';
import { narrativeSchema } from '@bullseye/shared/schema';
import {
  checkPaste,
  estimateYjsBytes,
  formatBytes,
  MAX_PASTE_BYTES,
  pasteRefusalMessage,
} from './pasteGuard.js';

const schema = narrativeSchema();

/** The bytes y-prosemirror really writes for a document, next to our estimate of it. */
function measure(json: object): { actual: number; estimate: number } {
  const doc = new Y.Doc();
  prosemirrorJSONToYXmlFragment(schema, json, doc.getXmlFragment('goals'));
  const node = schema.nodeFromJSON(json);
  return { actual: Y.encodeStateAsUpdate(doc).byteLength, estimate: estimateYjsBytes(node.content) };
}

const text = (t: string, marks?: object[]) => ({ type: 'text', text: t, ...(marks ? { marks } : {}) });
const paragraph = (...content: object[]) => ({ type: 'paragraph', content });

describe('estimateYjsBytes', () => {
  it.each([
    [
      'plain paragraphs',
      {
        type: 'doc',
        content: Array.from({ length: 200 }, (_, i) => paragraph(text(`Line ${i} of plain text`))),
      },
    ],
    [
      'one long paragraph of accents and emoji',
      { type: 'doc', content: [paragraph(text('Énergie ✓ 🚀 '.repeat(2000)))] },
    ],
    [
      'short formatted runs and links',
      {
        type: 'doc',
        content: Array.from({ length: 100 }, () =>
          paragraph(
            text('a', [{ type: 'bold' }]),
            text('b', [{ type: 'italic' }, { type: 'underline' }]),
            text('c', [{ type: 'link', attrs: { href: 'https://example.com/x' } }]),
            text('d'),
          ),
        ),
      },
    ],
    [
      'nested lists',
      {
        type: 'doc',
        content: [
          {
            type: 'bulletList',
            content: Array.from({ length: 80 }, (_, i) => ({
              type: 'listItem',
              content: [
                paragraph(text(`Item ${i}`)),
                { type: 'orderedList', content: [{ type: 'listItem', content: [paragraph(text('x'))] }] },
              ],
            })),
          },
        ],
      },
    ],
  ])('never underestimates what Yjs stores: %s', (_name, json) => {
    const { actual, estimate } = measure(json);
    expect(estimate).toBeGreaterThanOrEqual(actual);
    // ...and stays within a small factor, so ordinary pastes are not refused.
    expect(estimate).toBeLessThan(actual * 12);
  });

  it('lets a long plain-text paste through, and refuses one that could not be sent', () => {
    const ok = schema.nodeFromJSON({ type: 'doc', content: [paragraph(text('x'.repeat(200_000)))] });
    expect(checkPaste(estimateYjsBytes(ok.content), () => 10_000)).toBeNull();
    const huge = schema.nodeFromJSON({
      type: 'doc',
      content: [paragraph(text('x'.repeat(LIMITS.maxCollabMessageBytes + 1)))],
    });
    const refusal = checkPaste(estimateYjsBytes(huge.content), () => 10_000);
    expect(refusal).toMatchObject({ reason: 'pasteTooLarge', limit: MAX_PASTE_BYTES });
    expect(pasteRefusalMessage(refusal!)).toContain('the limit is 1 MB');
  });

  it('refuses a paste that would grow the ICP past its size limit', () => {
    expect(checkPaste(500_000, () => LIMITS.maxIcpStateBytes - 100_000)).toMatchObject({
      reason: 'icpTooLarge',
    });
    expect(checkPaste(500_000, () => 1_000_000)).toBeNull();
    // Small pastes never pay for measuring the document.
    expect(
      checkPaste(1_000, () => {
        throw new Error('measured');
      }),
    ).toBeNull();
  });

  it('formats sizes as people read them', () => {
    expect(formatBytes(2 * 1024 * 1024)).toBe('2 MB');
    expect(formatBytes(2.5 * 1024 * 1024)).toBe('2.5 MB');
    expect(formatBytes(8 * 1024 * 1024)).toBe('8 MB');
    expect(formatBytes(300 * 1024)).toBe('300 KB');
  });
});
