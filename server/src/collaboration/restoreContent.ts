import * as Y from 'yjs';
import {
  canonicalStringify,
  fragmentOf,
  fragmentToJson,
  ICP_SECTIONS,
  listOf,
  rangeOf,
  readList,
  type ListItem,
  type ListItemMap,
} from '@bullseye/shared';

/**
 * Makes every section of `target` (the live draft) equal to `source` (a past version) as ordinary
 * changes on `target`, so history is kept and open clients merge them like anyone's edit. Run it
 * inside one `target.transact`. Criteria keep their ids (and, where they are still in order, their
 * Yjs maps), so comments anchored on them stay attached; unchanged sections are left alone.
 */
export function writeContent(target: Y.Doc, source: Y.Doc): void {
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
  return map;
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
    } else {
      list.insert(index, [newItem(item)]);
    }
  });
}

function writeRange(target: Y.Map<number | string>, source: Y.Map<number | string>): void {
  for (const field of ['min', 'max', 'currency']) {
    const value = source.get(field);
    if (value === undefined) {
      if (target.has(field)) target.delete(field);
    } else if (target.get(field) !== value) {
      target.set(field, value);
    }
  }
}

function writeFragment(target: Y.XmlFragment, source: Y.XmlFragment): void {
  if (canonicalStringify(fragmentToJson(target)) === canonicalStringify(fragmentToJson(source))) return;
  if (target.length > 0) target.delete(0, target.length);
  const copies = source
    .toArray()
    .filter((child) => child instanceof Y.XmlElement || child instanceof Y.XmlText)
    .map((child) => child.clone());
  if (copies.length > 0) target.insert(0, copies);
}
