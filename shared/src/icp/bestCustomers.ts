import type * as Y from 'yjs';
import { bestCustomerDefinitionSchema, type BestCustomerDefinition } from '../validation/datasets.js';

/**
 * The ICP's agreed definition of its best customers lives in the ICP's own document (a top-level
 * `Y.Map` named `bestCustomers`, the definition as JSON text under `definition`), so everyone sees a
 * change live and every version records which customers the profile was derived from. The whole
 * definition is one value: two people changing it at once end with one of their definitions, never a
 * mix of both.
 */
export function bestCustomersMap(doc: Y.Doc): Y.Map<string> {
  return doc.getMap<string>('bestCustomers');
}

/** The definition, or null when none was agreed (or what is stored does not parse). */
export function readBestCustomers(doc: Y.Doc): BestCustomerDefinition | null {
  const raw = bestCustomersMap(doc).get('definition');
  if (typeof raw !== 'string') return null;
  try {
    const parsed = bestCustomerDefinitionSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Replaces the definition (validated); null removes it. */
export function writeBestCustomers(doc: Y.Doc, definition: BestCustomerDefinition | null): void {
  const map = bestCustomersMap(doc);
  if (definition === null) {
    map.delete('definition');
    return;
  }
  map.set('definition', JSON.stringify(bestCustomerDefinitionSchema.parse(definition)));
}
