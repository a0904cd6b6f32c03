import * as Y from 'yjs';
import { LIMITS } from '../validation/limits.js';

/** ProseMirror-shaped JSON of a narrative section: what Tiptap's `getJSON()` would return. */
export interface RichTextNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: RichTextNode[];
  text?: string;
  marks?: { type: string; attrs?: Record<string, unknown> }[];
}

/**
 * Deepest nesting the projections of a narrative section keep (the `doc` node is depth 0, its
 * blocks depth 1). It equals the collaboration server's limit, so every document the server
 * accepts projects unchanged; a document nested deeper (stored before the limit, or built
 * otherwise) has everything below an element at this depth flattened into that element: its
 * text, marks and line breaks kept in order, one line per block (see `limitRichTextDepth`).
 * Every reader (canonical JSON, diff, Markdown, the version view) then recurses at most about
 * this deep, so no document can overflow the stack.
 */
export const MAX_RICH_TEXT_DEPTH = LIMITS.maxNarrativeDepth;

function attrsOf(element: Y.XmlElement): Record<string, unknown> | undefined {
  const attrs = element.getAttributes() as Record<string, unknown>;
  const keys = Object.keys(attrs).filter((k) => attrs[k] !== undefined && attrs[k] !== null);
  if (keys.length === 0) return undefined;
  return Object.fromEntries(keys.sort().map((k) => [k, attrs[k]]));
}

function textNodes(text: Y.XmlText): RichTextNode[] {
  const delta = text.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[];
  const nodes: RichTextNode[] = [];
  for (const op of delta) {
    if (typeof op.insert !== 'string' || op.insert.length === 0) continue;
    const node: RichTextNode = { type: 'text', text: op.insert };
    const marks = Object.entries(op.attributes ?? {})
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([type, attrs]) =>
        attrs && typeof attrs === 'object' && Object.keys(attrs).length > 0
          ? { type, attrs: attrs as Record<string, unknown> }
          : { type },
      );
    if (marks.length > 0) node.marks = marks;
    nodes.push(node);
  }
  return nodes;
}

/**
 * The ProseMirror JSON (`{ type: 'doc', content }`) of a narrative fragment, without a browser.
 * Walks the fragment with an explicit stack (never recursion), then bounds the depth of the
 * result to `MAX_RICH_TEXT_DEPTH`.
 */
export function fragmentToJson(fragment: Y.XmlFragment): RichTextNode {
  const root: RichTextNode = { type: 'doc', content: [] };
  interface Frame {
    children: unknown[];
    next: number;
    out: RichTextNode[];
    node: RichTextNode;
  }
  const stack: Frame[] = [{ children: fragment.toArray(), next: 0, out: root.content!, node: root }];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    if (frame.next >= frame.children.length) {
      stack.pop();
      if (frame.out.length === 0 && frame.node !== root) delete frame.node.content;
      continue;
    }
    const child = frame.children[frame.next++];
    if (child instanceof Y.XmlText) {
      frame.out.push(...textNodes(child));
    } else if (child instanceof Y.XmlElement) {
      const node: RichTextNode = { type: child.nodeName };
      const attrs = attrsOf(child);
      if (attrs) node.attrs = attrs;
      node.content = [];
      frame.out.push(node);
      stack.push({ children: child.toArray(), next: 0, out: node.content, node });
    }
  }
  return limitRichTextDepth(root);
}

const isNode = (value: unknown): value is RichTextNode =>
  typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';

/** The children of a node that look like nodes (anything else in a stored tree is skipped). */
function childrenOf(node: RichTextNode): RichTextNode[] {
  return Array.isArray(node.content) ? node.content.filter(isNode) : [];
}

/** Blocks whose content is inline (text and line breaks) in the narrative schema. */
const TEXT_BLOCKS = new Set(['paragraph', 'heading']);
const LISTS = new Set(['bulletList', 'orderedList']);

/** How deep the deepest node of a tree sits (the root is 0), walked without recursion. */
export function richTextDepth(root: RichTextNode): number {
  let deepest = 0;
  const stack: [RichTextNode, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > deepest) deepest = depth;
    for (const child of childrenOf(node)) stack.push([child, depth + 1]);
  }
  return deepest;
}

/**
 * Everything inside `node`, in order, as inline content: text nodes (with their marks) and leaf
 * nodes as they are, a `hardBreak` between the text of two blocks. Walked without recursion.
 */
function inlineContentOf(node: RichTextNode): RichTextNode[] {
  const out: RichTextNode[] = [];
  const stack: RichTextNode[] = childrenOf(node).reverse();
  while (stack.length > 0) {
    const current = stack.pop()!;
    const children = childrenOf(current);
    if (current.type === 'text' || children.length === 0) {
      if (current.type !== 'text' || current.text) out.push(current);
      continue;
    }
    // A block starts: its text goes on a new line.
    if (out.length > 0 && out[out.length - 1]!.type !== 'hardBreak') out.push({ type: 'hardBreak' });
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  while (out.length > 0 && out[out.length - 1]!.type === 'hardBreak') out.pop();
  return out;
}

/** `node` at the depth limit with its whole subtree flattened into it, in a valid shape. */
function flattened(node: RichTextNode): RichTextNode {
  const copy: RichTextNode = { ...node };
  delete copy.content;
  const inline = inlineContentOf(node);
  if (inline.length === 0) return copy;
  const paragraph: RichTextNode = { type: 'paragraph', content: inline };
  if (TEXT_BLOCKS.has(node.type)) copy.content = inline;
  else if (LISTS.has(node.type)) copy.content = [{ type: 'listItem', content: [paragraph] }];
  else copy.content = [paragraph];
  return copy;
}

/**
 * A rich-text tree at most about `maxDepth` deep: returned as is when it already is; otherwise a
 * copy in which every element at depth `maxDepth` that still holds blocks has its whole subtree
 * flattened into it (text and marks kept in order, one line per block; a list keeps one item, any
 * other container one paragraph). Nothing textual is dropped; walked without recursion, so a tree
 * thousands of levels deep (from an old version or a hostile client) is safe to read.
 */
export function limitRichTextDepth(root: RichTextNode, maxDepth: number = MAX_RICH_TEXT_DEPTH): RichTextNode {
  if (!isNode(root) || richTextDepth(root) <= maxDepth) return root;
  const copyRoot: RichTextNode = { ...root };
  const stack: [RichTextNode, RichTextNode, number][] = [[root, copyRoot, 0]];
  while (stack.length > 0) {
    const [source, copy, depth] = stack.pop()!;
    const children = childrenOf(source);
    if (children.length === 0) continue;
    copy.content = children.map((child) => {
      // At the limit only text may sit below a node; anything else is flattened into it.
      if (depth + 1 === maxDepth && childrenOf(child).some((c) => c.type !== 'text')) return flattened(child);
      const childCopy: RichTextNode = { ...child };
      stack.push([child, childCopy, depth + 1]);
      return childCopy;
    });
  }
  return copyRoot;
}

function plainOf(node: RichTextNode): string {
  if (node.type === 'text') return node.text ?? '';
  if (node.type === 'hardBreak') return '\n';
  const children = childrenOf(node);
  const parts = children.map(plainOf);
  const isBlockContainer = children.some((c) => c.type !== 'text' && c.type !== 'hardBreak');
  return parts.join(isBlockContainer ? '\n' : '').trim();
}

/** Plain text of a rich-text JSON tree, blocks separated by newlines (any depth is safe). */
export function richTextToPlain(node: RichTextNode): string {
  return plainOf(limitRichTextDepth(node));
}
