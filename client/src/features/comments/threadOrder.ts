import type * as Y from 'yjs';
import {
  findSection,
  ICP_SECTIONS,
  readList,
  resolveTextAnchor,
  type CommentAnchorDto,
  type FlatRange,
  type ListSectionKey,
} from '@bullseye/shared';

/** Where a thread's anchor is in the ICP right now. */
export interface AnchorPlacement {
  /** Index of the section in ICP_SECTIONS; -1 for the whole ICP, Infinity for an unknown section. */
  section: number;
  /** Index of the criterion in its list, or flat offset in a narrative section; 0 otherwise. */
  offset: number;
  /** The anchored text was deleted, or the criterion removed. */
  detached: boolean;
  /** The flat range of an attached text anchor. */
  range: FlatRange | null;
}

const SECTION_INDEX = new Map<string, number>(ICP_SECTIONS.map((s, i) => [s.key, i]));

/**
 * Places anchors in the live document. Reads each list section once, however many threads point
 * into it.
 */
export function placeAnchors(
  doc: Y.Doc,
  anchors: ReadonlyMap<string, CommentAnchorDto>,
): Map<string, AnchorPlacement> {
  const lists = new Map<string, Map<string, number>>();
  const itemIndexes = (key: ListSectionKey) => {
    let indexes = lists.get(key);
    if (!indexes) {
      indexes = new Map(readList(doc, key).map((item, i) => [item.id, i]));
      lists.set(key, indexes);
    }
    return indexes;
  };
  const placements = new Map<string, AnchorPlacement>();
  for (const [id, anchor] of anchors) placements.set(id, placeAnchor(doc, anchor, itemIndexes));
  return placements;
}

function placeAnchor(
  doc: Y.Doc,
  anchor: CommentAnchorDto,
  itemIndexes: (key: ListSectionKey) => Map<string, number>,
): AnchorPlacement {
  if (anchor.type === 'icp') return { section: -1, offset: 0, detached: false, range: null };
  const section = findSection(anchor.section);
  const index = SECTION_INDEX.get(anchor.section);
  if (!section || index === undefined) return { section: Infinity, offset: 0, detached: true, range: null };
  if (anchor.type === 'text') {
    if (section.kind !== 'richText') return { section: index, offset: 0, detached: true, range: null };
    const range = resolveTextAnchor(doc.getXmlFragment(section.key), anchor);
    return range
      ? { section: index, offset: range.from, detached: false, range }
      : { section: index, offset: 0, detached: true, range: null };
  }
  if (section.kind === 'list' && anchor.itemId !== null) {
    const at = itemIndexes(section.key as ListSectionKey).get(anchor.itemId);
    return at === undefined
      ? { section: index, offset: 0, detached: true, range: null }
      : { section: index, offset: at, detached: false, range: null };
  }
  return { section: index, offset: 0, detached: section.kind !== 'range', range: null };
}

interface Ordered {
  id: string;
  createdAt: string;
}

const DETACHED: AnchorPlacement = { section: Infinity, offset: 0, detached: true, range: null };

/**
 * Threads in the order of the page: whole-ICP threads first, then section by section; within a
 * section by criterion order or text position, detached threads last; ties oldest first.
 */
export function sortByDocumentOrder<T extends Ordered>(
  threads: readonly T[],
  placements: ReadonlyMap<string, AnchorPlacement>,
): T[] {
  const placementOf = (t: T) => placements.get(t.id) ?? DETACHED;
  return [...threads].sort((a, b) => {
    const pa = placementOf(a);
    const pb = placementOf(b);
    return (
      compareNumbers(pa.section, pb.section) ||
      Number(pa.detached) - Number(pb.detached) ||
      compareNumbers(pa.offset, pb.offset) ||
      compareNumbers(pa.range?.to ?? 0, pb.range?.to ?? 0) ||
      a.createdAt.localeCompare(b.createdAt) ||
      a.id.localeCompare(b.id)
    );
  });
}

function compareNumbers(a: number, b: number): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
