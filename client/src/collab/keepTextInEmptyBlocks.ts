import * as Y from 'yjs';
import { fragmentOf, ICP_SECTIONS } from '@bullseye/shared';

/** Blocks that hold text directly in the narrative schema. */
const TEXT_BLOCKS = new Set(['paragraph', 'heading']);

/** Origin of the transactions this module makes, so it never reacts to itself. */
const origin = Symbol('keepTextInEmptyBlocks');

/**
 * Gives every empty text block this browser creates (Enter at the end of a paragraph, a new
 * heading) an empty Y.XmlText at once.
 *
 * Why: the editor binding (y-prosemirror) creates a block's text node only when the first letter
 * is typed. When several people start typing into the same new, empty paragraph at once, each of
 * them creates a text node of their own in it; the binding then sees one paragraph holding
 * several text nodes, rewrites the first with the whole paragraph and deletes the others, and
 * their concurrent rewrites interleave letters ("AnCAalytical"). With the text node made by
 * whoever created the block, everybody types into the same Y.XmlText, where Yjs keeps each
 * person's run of characters together. The empty text node goes out right behind the block, in
 * the same order, before anyone else can type in it.
 */
export function keepTextInEmptyBlocks(doc: Y.Doc): () => void {
  const fragments = ICP_SECTIONS.filter((section) => section.kind === 'richText').map((section) =>
    fragmentOf(doc, section.key),
  );
  const onAfterTransaction = (transaction: Y.Transaction) => {
    if (!transaction.local || transaction.origin === origin) return;
    const changed = transaction.changedParentTypes as ReadonlyMap<unknown, unknown>;
    const touched = fragments.filter((fragment) => changed.has(fragment));
    if (touched.length === 0) return;
    const empty = touched.flatMap(emptyTextBlocks);
    if (empty.length === 0) return;
    doc.transact(() => {
      for (const block of empty) block.insert(0, [new Y.XmlText()]);
    }, origin);
  };
  doc.on('afterTransaction', onAfterTransaction);
  return () => doc.off('afterTransaction', onAfterTransaction);
}

/** Text blocks with no children at all (no text node yet), walked without recursion. */
export function emptyTextBlocks(fragment: Y.XmlFragment): Y.XmlElement[] {
  const found: Y.XmlElement[] = [];
  const stack: Y.XmlElement[] = fragment
    .toArray()
    .filter((c): c is Y.XmlElement => c instanceof Y.XmlElement);
  while (stack.length > 0) {
    const element = stack.pop()!;
    if (TEXT_BLOCKS.has(element.nodeName)) {
      if (element.length === 0) found.push(element);
      continue;
    }
    for (const child of element.toArray()) if (child instanceof Y.XmlElement) stack.push(child);
  }
  return found;
}
