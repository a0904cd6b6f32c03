import * as Y from 'yjs';
import {
  canonicalStringify,
  fragmentOf,
  fragmentToJson,
  ICP_SECTIONS,
  limitRichTextDepth,
  listOf,
  MAX_RICH_TEXT_DEPTH,
  rangeOf,
  readList,
  bestCustomersMap,
  scoringMapOf,
  type ListItem,
  type ListItemMap,
  type RichTextNode,
} from '@bullseye/shared';

/**
 * Makes every section of `target` (the live draft) equal to `source` (a past version) as ordinary
 * changes on `target`, so history is kept and open clients merge them like anyone's edit. Run it
 * inside one `target.transact`. Criteria keep their ids (and, where they are still in order, their
 * Yjs maps), so comments anchored on them stay attached; unchanged sections are left alone.
 */
export function writeContent(target: Y.Doc, source: Y.Doc): void {
  const definition = bestCustomersMap(source).get('definition');
  const current = bestCustomersMap(target).get('definition');
  if (definition !== current) {
    if (definition === undefined) bestCustomersMap(target).delete('definition');
    else bestCustomersMap(target).set('definition', definition);
  }
  writeScoring(scoringMapOf(target), scoringMapOf(source));
  for (const section of ICP_SECTIONS) {
    switch (section.kind) {
      case 'list':
        writeList(listOf(target, section.key), readList(source, section.key));
        break;
      case 'range':
        writeRange(rangeOf(target, section.key), rangeOf(source, section.key));
        break;
      case 'richText':
        writeFragment(fragmentOf(target, section.key), fragmentOf(source, section.key));
        break;
    }
  }
}

function newItem(item: ListItem): ListItemMap {
  const map = new Y.Map<string>();
  map.set('id', item.id);
  map.set('text', item.text);
  if (item.evidence) map.set('evidence', JSON.stringify(item.evidence));
  if (item.rule) map.set('rule', JSON.stringify(item.rule));
  if (item.provenance) map.set('provenance', JSON.stringify(item.provenance));
  return map;
}

/** Importances and grade thresholds: every key of the version's `scoring` map, and no other. */
function writeScoring(target: Y.Map<unknown>, source: Y.Map<unknown>): void {
  for (const [key, value] of source.entries()) {
    if (typeof value !== 'string' && typeof value !== 'number') continue;
    if (target.get(key) !== value) target.set(key, value);
  }
  // Keys the version lacks, or holds in a shape no reader uses, are not left behind.
  for (const key of [...target.keys()]) {
    const value = source.get(key);
    if (typeof value !== 'string' && typeof value !== 'number') target.delete(key);
  }
}

/** Sets or removes one JSON-text key of a criterion's map. */
function writeJsonKey(map: ListItemMap, key: string, value: unknown): void {
  const text = value === undefined ? undefined : JSON.stringify(value);
  if (map.get(key) === text) return;
  if (text === undefined) map.delete(key);
  else map.set(key, text);
}

function writeList(list: Y.Array<ListItemMap>, items: readonly ListItem[]): void {
  const wanted = new Set(items.map((item) => item.id));
  const entries = list.toArray();
  const seen = new Set<string>();
  // Entries to keep: well-formed, wanted, first of their id.
  const keep = entries.map((entry) => {
    if (!(entry instanceof Y.Map)) return false;
    const id = entry.get('id');
    if (typeof id !== 'string' || typeof entry.get('text') !== 'string' || !wanted.has(id) || seen.has(id))
      return false;
    seen.add(id);
    return true;
  });
  const keptIds = entries.filter((_, i) => keep[i]).map((entry) => entry.get('id'));
  const order = items.map((item) => item.id).filter((id) => seen.has(id));
  const inOrder =
    wanted.size === items.length &&
    keptIds.length === order.length &&
    keptIds.every((id, i) => id === order[i]);
  if (!inOrder) {
    // Reordered (or duplicate ids in the version): rebuild the list with the same ids.
    if (list.length > 0) list.delete(0, list.length);
    list.push(items.map(newItem));
    return;
  }
  for (let i = entries.length - 1; i >= 0; i--) if (!keep[i]) list.delete(i, 1);
  items.forEach((item, index) => {
    const current = index < list.length ? list.get(index) : undefined;
    if (current instanceof Y.Map && current.get('id') === item.id) {
      if (current.get('text') !== item.text) current.set('text', item.text);
      writeJsonKey(current, 'evidence', item.evidence);
      writeJsonKey(current, 'rule', item.rule);
    } else {
      list.insert(index, [newItem(item)]);
    }
  });
}

function writeRange(target: Y.Map<number | string>, source: Y.Map<number | string>): void {
  for (const field of ['min', 'max', 'currency', 'evidence', 'acceptableMin', 'acceptableMax']) {
    const value = source.get(field);
    if (value === undefined) {
      if (target.has(field)) target.delete(field);
    } else if (target.get(field) !== value) {
      target.set(field, value);
    }
  }
}

function writeFragment(target: Y.XmlFragment, source: Y.XmlFragment): void {
  const wanted = fragmentToJson(source);
  if (canonicalStringify(fragmentToJson(target)) === canonicalStringify(wanted)) return;
  if (target.length > 0) target.delete(0, target.length);
  // A version stored before nesting was bounded may be thousands of levels deep: Yjs's clone()
  // recurses (and the server refuses such an update), so it is rebuilt from its JSON, bounded two
  // levels short of the limit because flattening a level adds up to two (a list item, a paragraph).
  // Its canonical JSON, and so its hash, can then differ from the version's.
  const copies =
    fragmentDepth(source) > MAX_RICH_TEXT_DEPTH
      ? xmlOfJson(limitRichTextDepth(wanted, MAX_RICH_TEXT_DEPTH - 2).content ?? [])
      : source
          .toArray()
          .filter((child) => child instanceof Y.XmlElement || child instanceof Y.XmlText)
          .map((child) => child.clone());
  if (copies.length > 0) target.insert(0, copies);
}

/** How deep the deepest element of a fragment sits (its children are 1), walked without recursion. */
function fragmentDepth(fragment: Y.XmlFragment): number {
  let deepest = 0;
  const stack: [Y.XmlElement, number][] = [];
  for (const child of fragment.toArray()) if (child instanceof Y.XmlElement) stack.push([child, 1]);
  while (stack.length > 0) {
    const [element, depth] = stack.pop()!;
    deepest = Math.max(deepest, depth);
    if (deepest > MAX_RICH_TEXT_DEPTH) return deepest;
    for (const child of element.toArray()) if (child instanceof Y.XmlElement) stack.push([child, depth + 1]);
  }
  return deepest;
}

/**
 * Yjs XML (as y-prosemirror stores it) for ProseMirror JSON nodes: elements with their attributes,
 * runs of text as one Y.XmlText with marks as formatting attributes. Built without recursion; the
 * input is bounded by `limitRichTextDepth`, so integrating it stays shallow.
 */
function xmlOfJson(nodes: readonly RichTextNode[]): (Y.XmlElement | Y.XmlText)[] {
  const roots: (Y.XmlElement | Y.XmlText)[] = [];
  const stack: { nodes: readonly RichTextNode[]; out: (Y.XmlElement | Y.XmlText)[] }[] = [
    { nodes, out: roots },
  ];
  const built: { element: Y.XmlElement; children: (Y.XmlElement | Y.XmlText)[] }[] = [];
  while (stack.length > 0) {
    const { nodes: level, out } = stack.pop()!;
    let text: Y.XmlText | null = null;
    for (const node of level) {
      if (node.type === 'text') {
        if (!node.text) continue;
        if (!text) {
          text = new Y.XmlText();
          out.push(text);
        }
        const attributes = Object.fromEntries(
          (node.marks ?? []).map((mark) => [mark.type, mark.attrs ?? {}]),
        );
        text.insert(text.length, node.text, attributes);
        continue;
      }
      text = null;
      const element = new Y.XmlElement(node.type);
      for (const [key, value] of Object.entries(node.attrs ?? {})) element.setAttribute(key, value as string);
      out.push(element);
      const children: (Y.XmlElement | Y.XmlText)[] = [];
      built.push({ element, children });
      if (node.content?.length) stack.push({ nodes: node.content, out: children });
    }
  }
  // Children first into their parents (deepest last built), so each element is complete before
  // its parent is inserted anywhere.
  for (let i = built.length - 1; i >= 0; i--) {
    const { element, children } = built[i]!;
    if (children.length > 0) element.insert(0, children);
  }
  return roots;
}
