import type { Node as PmNode } from '@tiptap/pm/model';

/**
 * ProseMirror positions <-> "flat" offsets (see shared/src/icp/textAnchors.ts). The flat text of a
 * section is the characters of its text nodes in document order, block structure ignored, which is
 * exactly what the section's Y.XmlText nodes hold, so comment anchors (kept in flat offsets) can be
 * drawn and created in the editor.
 */

/** The flat text of a ProseMirror document: its text nodes' characters, in order. */
export function pmFlatText(doc: PmNode): string {
  let text = '';
  doc.descendants((node) => {
    if (node.isText) text += node.text ?? '';
  });
  return text;
}

/** The flat offset of a ProseMirror position: how many text characters come before it. */
export function pmToFlat(doc: PmNode, pos: number): number {
  let flat = 0;
  doc.descendants((node, nodePos) => {
    if (nodePos >= pos) return false;
    if (node.isText) flat += Math.min(node.nodeSize, pos - nodePos);
    return true;
  });
  return flat;
}

/**
 * The ProseMirror position of a flat offset, or null if the offset is beyond the text. An offset on
 * the boundary between two blocks has two positions: `start` picks the beginning of the next text
 * (where a range starts), `end` the end of the previous one (where a range ends).
 */
export function flatToPm(doc: PmNode, offset: number, side: 'start' | 'end'): number | null {
  if (!Number.isInteger(offset) || offset < 0) return null;
  let flat = 0;
  let found: number | null = null;
  let lastEnd: number | null = null;
  doc.descendants((node, nodePos) => {
    if (found !== null) return false;
    if (!node.isText) return true;
    const length = node.nodeSize;
    const inside =
      side === 'start' ? offset >= flat && offset < flat + length : offset > flat && offset <= flat + length;
    if (inside) found = nodePos + (offset - flat);
    flat += length;
    lastEnd = nodePos + length;
    return false;
  });
  if (found !== null) return found;
  // A range starting at the very end of the text, or ending at its very beginning.
  if (offset === flat && side === 'start') return lastEnd;
  if (offset === 0 && side === 'end') return firstTextPos(doc);
  return null;
}

function firstTextPos(doc: PmNode): number | null {
  let pos: number | null = null;
  doc.descendants((node, nodePos) => {
    if (pos !== null) return false;
    if (node.isText) pos = nodePos;
    return pos === null;
  });
  return pos;
}

/** A flat range as a ProseMirror range, or null when it does not fit the document. */
export function flatRangeToPm(doc: PmNode, from: number, to: number): { from: number; to: number } | null {
  const start = flatToPm(doc, from, 'start');
  const end = flatToPm(doc, to, 'end');
  if (start === null || end === null || start >= end) return null;
  return { from: start, to: end };
}
