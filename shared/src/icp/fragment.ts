import * as Y from 'yjs';

/** ProseMirror-shaped JSON of a narrative section: what Tiptap's `getJSON()` would return. */
export interface RichTextNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: RichTextNode[];
  text?: string;
  marks?: { type: string; attrs?: Record<string, unknown> }[];
}

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

function childrenOf(parent: Y.XmlFragment | Y.XmlElement): RichTextNode[] {
  const nodes: RichTextNode[] = [];
  for (const child of parent.toArray()) {
    if (child instanceof Y.XmlText) nodes.push(...textNodes(child));
    else if (child instanceof Y.XmlElement) nodes.push(elementToJson(child));
  }
  return nodes;
}

function elementToJson(element: Y.XmlElement): RichTextNode {
  const node: RichTextNode = { type: element.nodeName };
  const attrs = attrsOf(element);
  if (attrs) node.attrs = attrs;
  const content = childrenOf(element);
  if (content.length > 0) node.content = content;
  return node;
}

/** The ProseMirror JSON (`{ type: 'doc', content }`) of a narrative fragment, without a browser. */
export function fragmentToJson(fragment: Y.XmlFragment): RichTextNode {
  return { type: 'doc', content: childrenOf(fragment) };
}

/** Plain text of a rich-text JSON tree, blocks separated by newlines. */
export function richTextToPlain(node: RichTextNode): string {
  if (node.type === 'text') return node.text ?? '';
  if (node.type === 'hardBreak') return '\n';
  const parts = (node.content ?? []).map(richTextToPlain);
  const isBlockContainer = (node.content ?? []).some((c) => c.type !== 'text' && c.type !== 'hardBreak');
  return parts.join(isBlockContainer ? '\n' : '').trim();
}
