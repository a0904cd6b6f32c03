import { listOf, readList, type ListItem, type ListSectionKey } from '@bullseye/shared';
import type * as Y from 'yjs';
import { useYValue } from '../collab/useYValue.js';

/** The live criteria of a list section. */
export function useListItems(doc: Y.Doc, key: ListSectionKey): ListItem[] {
  return useYValue(listOf(doc, key), () => readList(doc, key));
}
