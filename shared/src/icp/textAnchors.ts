import * as Y from 'yjs';
import { fromBase64, toBase64 } from 'lib0/buffer';

/**
 * Anchors of comments on narrative text. A range is kept as two Yjs relative positions (base64 of
 * `Y.encodeRelativePosition`), so it follows its words through everyone's concurrent edits. Offsets
 * here are "flat": positions in the section's text with block structure ignored (the characters
 * of every `Y.XmlText` in document order), the same on every replica and in ProseMirror's text
 * nodes, so the editor and the server can both map them.
 */
export interface TextAnchorPositions {
  /** Relative position of the first character of the range (sticks to that character). */
  start: string;
  /** Relative position just after the last character (sticks to the last character). */
  end: string;
}

/** A resolved range, in flat offsets; `from < to` always. */
export interface FlatRange {
  from: number;
  to: number;
}

interface TextRun {
  text: Y.XmlText;
  start: number;
  length: number;
}

interface Flattened {
  runs: TextRun[];
  /** Flat offset where each element or text begins and ends. */
  starts: Map<object, number>;
  ends: Map<object, number>;
  length: number;
}

function textLength(text: Y.XmlText): number {
  return text.length;
}

/** Walks the fragment in document order with an explicit stack, so any nesting depth is safe. */
function flatten(fragment: Y.XmlFragment): Flattened {
  const runs: TextRun[] = [];
  const starts = new Map<object, number>();
  const ends = new Map<object, number>();
  let offset = 0;
  const stack: { type: Y.XmlFragment | Y.XmlElement; children: unknown[]; next: number }[] = [];
  const enter = (type: Y.XmlFragment | Y.XmlElement) => {
    starts.set(type, offset);
    stack.push({ type, children: type.toArray(), next: 0 });
  };
  enter(fragment);
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    if (frame.next >= frame.children.length) {
      ends.set(frame.type, offset);
      stack.pop();
      continue;
    }
    const child = frame.children[frame.next++];
    if (child instanceof Y.XmlText) {
      const length = textLength(child);
      starts.set(child, offset);
      runs.push({ text: child, start: offset, length });
      offset += length;
      ends.set(child, offset);
    } else if (child instanceof Y.XmlElement) {
      enter(child);
    }
  }
  return { runs, starts, ends, length: offset };
}

/** The flat text of a narrative fragment (what flat offsets index into). */
export function flatText(fragment: Y.XmlFragment): string {
  return flatten(fragment)
    .runs.map((run) =>
      (run.text.toDelta() as { insert: unknown }[])
        .map((op) => (typeof op.insert === 'string' ? op.insert : '\ufffc'))
        .join(''),
    )
    .join('');
}

function encode(position: Y.RelativePosition): string {
  return toBase64(Y.encodeRelativePosition(position));
}

/** Decodes an encoded relative position; null if it is not one. */
export function decodeRelativePosition(encoded: string): Y.RelativePosition | null {
  try {
    const position = Y.decodeRelativePosition(fromBase64(encoded));
    return position.item || position.type || position.tname ? position : null;
  } catch {
    return null;
  }
}

/**
 * Anchors the flat range [from, to) of a narrative fragment. Throws a RangeError if the range is
 * empty or outside the text.
 */
export function createTextAnchor(fragment: Y.XmlFragment, from: number, to: number): TextAnchorPositions {
  const { runs, length } = flatten(fragment);
  if (!(Number.isInteger(from) && Number.isInteger(to) && from >= 0 && to <= length && from < to)) {
    throw new RangeError(`No text between ${from} and ${to} (the text is ${length} long)`);
  }
  const first = runs.find((run) => from >= run.start && from < run.start + run.length)!;
  const last = runs.find((run) => to > run.start && to <= run.start + run.length)!;
  return {
    start: encode(Y.createRelativePositionFromTypeIndex(first.text, from - first.start, 0)),
    end: encode(Y.createRelativePositionFromTypeIndex(last.text, to - last.start, -1)),
  };
}

function flatOffset(flat: Flattened, encoded: string, doc: Y.Doc): number | null {
  const relative = decodeRelativePosition(encoded);
  if (!relative) return null;
  const absolute = Y.createAbsolutePositionFromRelativePosition(relative, doc);
  if (!absolute) return null;
  const type: object = absolute.type;
  // Types outside this fragment (another section, a deleted paragraph) are not in `flat`.
  if (!flat.starts.has(type)) return null;
  if (type instanceof Y.XmlText) return flat.starts.get(type)! + absolute.index;
  const container = type as Y.XmlElement | Y.XmlFragment;
  const child: object | null = absolute.index < container.length ? container.get(absolute.index) : null;
  return child ? (flat.starts.get(child) ?? null) : (flat.ends.get(type) ?? null);
}

/**
 * Where an anchored range is now, in flat offsets, or null when it is detached: its text was
 * deleted, or its positions belong to another section or to a document that never had them.
 */
export function resolveTextAnchor(fragment: Y.XmlFragment, anchor: TextAnchorPositions): FlatRange | null {
  const doc = fragment.doc;
  if (!doc) return null;
  const flat = flatten(fragment);
  const from = flatOffset(flat, anchor.start, doc);
  const to = flatOffset(flat, anchor.end, doc);
  if (from === null || to === null || from >= to) return null;
  return { from, to };
}
