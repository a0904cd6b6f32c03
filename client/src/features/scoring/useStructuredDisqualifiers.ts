import { useMemo } from 'react';
import { rangeOf, readRange, type ListItem, type ModelDisqualifier } from '@bullseye/shared';
import type * as Y from 'yjs';
import { useYValue } from '../../collab/useYValue.js';
import { structuredDisqualifiers } from './structuredDisqualifiers.js';

/**
 * The live disqualifiers' rules, by item id (see structuredDisqualifiers); null for any other list,
 * whose items scoring does not test.
 */
export function useStructuredDisqualifiers(
  doc: Y.Doc,
  items: ListItem[],
  isDisqualifiers: boolean,
): Map<string, ModelDisqualifier> | null {
  const currency = useYValue(rangeOf(doc, 'revenue'), () => readRange(doc, 'revenue').currency);
  return useMemo(
    () => (isDisqualifiers ? structuredDisqualifiers(items, currency) : null),
    [isDisqualifiers, items, currency],
  );
}
