import * as Y from 'yjs';
import { uuidv4 } from 'lib0/random';
import {
  sectionOf,
  type Currency,
  type ListSectionKey,
  type RangeSectionKey,
  type RichTextSectionKey,
} from './layout.js';
import { listItemTextSchema, rangeSchemaFor } from '../validation/icp.js';
import { evidenceSchema, type Evidence } from '../validation/datasets.js';
import { provenanceSchema, type Provenance } from '../validation/workshop.js';
import {
  disqualifierRuleSchema,
  scoringBandSchema,
  type DisqualifierRule,
  type ScoringBand,
} from '../scoring/scoringSettings.js';

/** One criterion of a list section as stored in Yjs: a `Y.Map` with a stable `id` and its `text`. */
export type ListItemMap = Y.Map<string>;

/** A plain snapshot of one list criterion; `evidence` when it was added from a dataset's insights. */
export interface ListItem {
  id: string;
  text: string;
  evidence?: Evidence;
  /** A disqualifier's structured rule (JSON text under `rule`); free-text disqualifiers have none. */
  rule?: DisqualifierRule;
  /** Where it came from when a workshop promoted it (JSON text under `provenance`). */
  provenance?: Provenance;
}

/** A plain snapshot of a range section. Missing bounds are null. */
export interface RangeValue {
  min: number | null;
  max: number | null;
  currency?: Currency;
  evidence?: Evidence;
  /**
   * For scoring: the wider band that still earns half the points (`acceptableMin`/`acceptableMax`
   * keys); `min`–`max` is the ideal band. Absent when neither bound is set.
   */
  acceptable?: ScoringBand;
}

/**
 * Evidence is kept on the criterion's Yjs map as JSON text under `evidence`. Anything that does not
 * parse (a foreign client, an older shape) reads as no evidence rather than breaking the page.
 */
export function parseEvidence(value: unknown): Evidence | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const parsed = evidenceSchema.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** A disqualifier's rule as stored (JSON text); anything that does not parse reads as no rule. */
export function parseRule(value: unknown): DisqualifierRule | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const parsed = disqualifierRuleSchema.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** A criterion's workshop provenance as stored (JSON text); anything that does not parse reads as none. */
export function parseProvenance(value: unknown): Provenance | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const parsed = provenanceSchema.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** The top-level `Y.Array` holding a list section. */
export function listOf(doc: Y.Doc, key: ListSectionKey): Y.Array<ListItemMap> {
  return doc.getArray<ListItemMap>(key);
}

/** The top-level `Y.Map` holding a range section. */
export function rangeOf(doc: Y.Doc, key: RangeSectionKey): Y.Map<number | string> {
  return doc.getMap<number | string>(key);
}

/** The top-level `Y.XmlFragment` holding a narrative section (bound to Tiptap). */
export function fragmentOf(doc: Y.Doc, key: RichTextSectionKey): Y.XmlFragment {
  return doc.getXmlFragment(key);
}

/** Plain items of a list section, skipping malformed entries written by foreign clients. */
export function readList(doc: Y.Doc, key: ListSectionKey): ListItem[] {
  const items: ListItem[] = [];
  for (const entry of listOf(doc, key).toArray()) {
    if (!(entry instanceof Y.Map)) continue;
    const id = entry.get('id');
    const text = entry.get('text');
    if (typeof id !== 'string' || typeof text !== 'string') continue;
    const item: ListItem = { id, text };
    const evidence = parseEvidence(entry.get('evidence'));
    if (evidence) item.evidence = evidence;
    const rule = key === 'disqualifiers' ? parseRule(entry.get('rule')) : undefined;
    if (rule) item.rule = rule;
    const provenance = parseProvenance(entry.get('provenance'));
    if (provenance) item.provenance = provenance;
    items.push(item);
  }
  return items;
}

/** Thrown when a structured value breaks the section's rules; `field` names what was wrong. */
export class IcpValueError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'IcpValueError';
  }
}

function normaliseText(key: ListSectionKey, text: string): string {
  const section = sectionOf(key);
  const parsed = listItemTextSchema(section.maxLength).safeParse(text);
  if (!parsed.success) {
    throw new IcpValueError(key, parsed.error.issues[0]?.message ?? 'Invalid text');
  }
  return parsed.data;
}

/**
 * Appends a criterion with a fresh stable id and returns it. Refuses duplicates (case-insensitive),
 * over-long text and a full list, so every client enforces the same rules.
 */
export function addListItem(
  doc: Y.Doc,
  key: ListSectionKey,
  text: string,
  evidence?: Evidence,
  provenance?: Provenance,
): ListItem {
  const section = sectionOf(key);
  const clean = normaliseText(key, text);
  const existing = readList(doc, key);
  if (existing.length >= section.maxItems) {
    throw new IcpValueError(key, `${section.title} holds at most ${section.maxItems} entries`);
  }
  if (existing.some((item) => item.text.toLocaleLowerCase() === clean.toLocaleLowerCase())) {
    throw new IcpValueError(key, `"${clean}" is already listed`);
  }
  const item: ListItem = { id: uuidv4(), text: clean };
  if (evidence) item.evidence = evidence;
  if (provenance) item.provenance = provenance;
  const map = new Y.Map<string>();
  doc.transact(() => {
    map.set('id', item.id);
    map.set('text', item.text);
    if (evidence) map.set('evidence', JSON.stringify(evidenceSchema.parse(evidence)));
    if (provenance) map.set('provenance', JSON.stringify(provenanceSchema.parse(provenance)));
    listOf(doc, key).push([map]);
  });
  return item;
}

function indexOfItem(doc: Y.Doc, key: ListSectionKey, id: string): number {
  return listOf(doc, key)
    .toArray()
    .findIndex((entry) => entry instanceof Y.Map && entry.get('id') === id);
}

/** Changes the text of one criterion in place (concurrent edits to other items still merge). */
export function updateListItem(doc: Y.Doc, key: ListSectionKey, id: string, text: string): boolean {
  const clean = normaliseText(key, text);
  const index = indexOfItem(doc, key, id);
  if (index < 0) return false;
  listOf(doc, key).get(index).set('text', clean);
  return true;
}

/** Removes one criterion by id; returns false if another participant already removed it. */
export function removeListItem(doc: Y.Doc, key: ListSectionKey, id: string): boolean {
  const index = indexOfItem(doc, key, id);
  if (index < 0) return false;
  listOf(doc, key).delete(index, 1);
  return true;
}

/** Moves a criterion to `toIndex` (as a delete + re-insert of the same id and text). */
export function moveListItem(doc: Y.Doc, key: ListSectionKey, id: string, toIndex: number): boolean {
  const list = listOf(doc, key);
  const from = indexOfItem(doc, key, id);
  if (from < 0) return false;
  // Every key moves with the criterion (text, evidence, a disqualifier's rule).
  const entries = [...list.get(from).entries()].filter(([, value]) => typeof value === 'string');
  doc.transact(() => {
    list.delete(from, 1);
    const map = new Y.Map<string>();
    for (const [field, value] of entries) map.set(field, value);
    map.set('id', id);
    list.insert(Math.max(0, Math.min(toIndex, list.length)), [map]);
  });
  return true;
}

/** The plain value of a range section. */
export function readRange(doc: Y.Doc, key: RangeSectionKey): RangeValue {
  const map = rangeOf(doc, key);
  const min = map.get('min');
  const max = map.get('max');
  const value: RangeValue = {
    min: typeof min === 'number' && Number.isFinite(min) ? min : null,
    max: typeof max === 'number' && Number.isFinite(max) ? max : null,
  };
  if (sectionOf(key).unit === 'money') {
    const currency = map.get('currency');
    value.currency = (typeof currency === 'string' ? currency : 'USD') as Currency;
  }
  const evidence = parseEvidence(map.get('evidence'));
  if (evidence) value.evidence = evidence;
  const acceptableMin = map.get('acceptableMin');
  const acceptableMax = map.get('acceptableMax');
  const acceptable = scoringBandSchema.safeParse({
    min: typeof acceptableMin === 'number' && Number.isFinite(acceptableMin) ? acceptableMin : null,
    max: typeof acceptableMax === 'number' && Number.isFinite(acceptableMax) ? acceptableMax : null,
  });
  if (acceptable.success && (acceptable.data.min !== null || acceptable.data.max !== null)) {
    value.acceptable = acceptable.data;
  }
  return value;
}

/**
 * Sets one or more fields of a range. Each bound is its own map key, so one person editing the
 * minimum and another the maximum both win. Validates the resulting range as a whole.
 */
export function writeRange(doc: Y.Doc, key: RangeSectionKey, patch: Partial<RangeValue>): RangeValue {
  const { evidence: _ignored, acceptable: _scoring, ...next } = { ...readRange(doc, key), ...patch };
  const parsed = rangeSchemaFor(key).safeParse(next);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new IcpValueError(`${key}.${issue?.path.join('.') ?? ''}`, issue?.message ?? 'Invalid range');
  }
  const map = rangeOf(doc, key);
  doc.transact(() => {
    for (const field of ['min', 'max', 'currency'] as const) {
      if (!(field in patch)) continue;
      const value = patch[field];
      if (value === null || value === undefined) map.delete(field);
      else map.set(field, value);
    }
    // A range typed by hand no longer says what the data said: its evidence goes with the old bounds,
    // unless the same change brings new evidence (a band added from the insights).
    if (patch.evidence) map.set('evidence', JSON.stringify(evidenceSchema.parse(patch.evidence)));
    else if ('min' in patch || 'max' in patch) map.delete('evidence');
  });
  return parsed.data;
}
