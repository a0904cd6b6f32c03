import type * as Y from 'yjs';
import { ICP_SECTIONS } from './layout.js';
import { fragmentOf, readList, readRange, type ListItem, type RangeValue } from './accessors.js';
import { fragmentToJson, type RichTextNode } from './fragment.js';
import { SCHEMA_VERSION } from '../schema/version.js';
import { readBestCustomers } from './bestCustomers.js';
import type { BestCustomerDefinition } from '../validation/datasets.js';
import { readScoringSettings } from './scoringFields.js';
import type { ScoringSettings } from '../scoring/scoringSettings.js';

/**
 * The canonical projection of an ICP: every section by key and, once the team agreed on one, the
 * best-customer definition its criteria were derived from (absent otherwise, so ICPs without one
 * keep the hashes they always had), and its scoring settings (likewise).
 */
export interface CanonicalIcp {
  schemaVersion: number;
  sections: Record<string, ListItem[] | RangeValue | RichTextNode>;
  bestCustomers?: BestCustomerDefinition;
  /** Importances and grade thresholds, once someone set one (absent otherwise, for the same reason). */
  scoring?: ScoringSettings;
}

/** Projects a Y.Doc onto the canonical JSON shape, in section order, ignoring unknown Yjs types. */
export function toCanonical(doc: Y.Doc): CanonicalIcp {
  const sections: CanonicalIcp['sections'] = {};
  for (const section of ICP_SECTIONS) {
    switch (section.kind) {
      case 'list':
        sections[section.key] = readList(doc, section.key);
        break;
      case 'range':
        sections[section.key] = readRange(doc, section.key);
        break;
      case 'richText':
        sections[section.key] = fragmentToJson(fragmentOf(doc, section.key));
        break;
    }
  }
  const canonical: CanonicalIcp = { schemaVersion: SCHEMA_VERSION, sections };
  const bestCustomers = readBestCustomers(doc);
  if (bestCustomers) canonical.bestCustomers = bestCustomers;
  const scoring = readScoringSettings(doc);
  if (scoring) canonical.scoring = scoring;
  return canonical;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = sortKeys(v);
    }
    return out;
  }
  return value;
}

/** JSON text with object keys sorted at every depth: equal content gives byte-equal output. */
export function canonicalStringify(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

/** The canonical JSON text of an ICP document, suitable for hashing, diffing and export. */
export function canonicalJson(doc: Y.Doc): string {
  return canonicalStringify(toCanonical(doc));
}
