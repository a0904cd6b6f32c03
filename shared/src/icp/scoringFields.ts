import * as Y from 'yjs';
import { sectionOf, type RangeSectionKey } from './layout.js';
import { IcpValueError, listOf, rangeOf, readRange } from './accessors.js';
import {
  DEFAULT_IMPORTANCE,
  DEFAULT_THRESHOLDS,
  SCORED_SECTIONS,
  disqualifierRuleSchema,
  gradeThresholdsSchema,
  importanceSchema,
  type DisqualifierRule,
  type GradeThresholds,
  type Importance,
  type ScoredSection,
  type ScoringBand,
  type ScoringSettings,
} from '../scoring/scoringSettings.js';

/**
 * Scoring settings live in the ICP's own document, so they are edited live and every version
 * records them:
 * - a top-level `Y.Map` named `scoring`: `importance.<section>` holds a section's importance
 *   ("must", "strong", "nice" or a weight), `thresholds` the grade thresholds as JSON text (one
 *   value, so concurrent edits never mix into an invalid A > B > C);
 * - a range's `Y.Map` holds its acceptable band under `acceptableMin` and `acceptableMax`;
 * - a disqualifier's `Y.Map` holds its structured rule as JSON text under `rule`.
 * Documents from before scoring have none of these keys and score with the defaults (every
 * criterion strong, A ≥ 80, B ≥ 60, C ≥ 40, disqualifiers as manual checks unless their evidence
 * names a value), so nothing needs migrating.
 */
export function scoringMapOf(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>('scoring');
}

const importanceKey = (section: ScoredSection): string => `importance.${section}`;

/** The field an issue is about: `prefix`, or `prefix.path` ("thresholds.b", "rule.values.0"). */
const fieldOf = (prefix: string, path: readonly PropertyKey[]): string =>
  path.length > 0 ? `${prefix}.${path.map(String).join('.')}` : prefix;

/** What the team set, or null when nothing was (canonical JSON then has no `scoring`). */
export function readScoringSettings(doc: Y.Doc): ScoringSettings | null {
  const map = scoringMapOf(doc);
  const settings: ScoringSettings = {};
  const importance: Partial<Record<ScoredSection, Importance>> = {};
  for (const section of SCORED_SECTIONS) {
    const parsed = importanceSchema.safeParse(map.get(importanceKey(section)));
    if (parsed.success) importance[section] = parsed.data;
  }
  if (Object.keys(importance).length > 0) settings.importance = importance;
  const thresholds = parseThresholds(map.get('thresholds'));
  if (thresholds) settings.thresholds = thresholds;
  return settings.importance || settings.thresholds ? settings : null;
}

function parseThresholds(raw: unknown): GradeThresholds | undefined {
  if (typeof raw !== 'string') return undefined;
  try {
    const parsed = gradeThresholdsSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** A section's importance as scoring reads it (the default when unset). */
export function importanceIn(
  settings: ScoringSettings | null | undefined,
  section: ScoredSection,
): Importance {
  return settings?.importance?.[section] ?? DEFAULT_IMPORTANCE;
}

export function thresholdsIn(settings: ScoringSettings | null | undefined): GradeThresholds {
  return settings?.thresholds ?? DEFAULT_THRESHOLDS;
}

/** Sets (or with null clears, back to the default) a section's importance. */
export function writeImportance(doc: Y.Doc, section: ScoredSection, importance: Importance | null): void {
  if (importance === null) {
    scoringMapOf(doc).delete(importanceKey(section));
    return;
  }
  const parsed = importanceSchema.safeParse(importance);
  if (!parsed.success) throw new IcpValueError(`importance.${section}`, parsed.error.issues[0]!.message);
  scoringMapOf(doc).set(importanceKey(section), parsed.data);
}

/** Sets (or with null clears, back to 80/60/40) the grade thresholds. */
export function writeThresholds(doc: Y.Doc, thresholds: GradeThresholds | null): void {
  if (thresholds === null) {
    scoringMapOf(doc).delete('thresholds');
    return;
  }
  const parsed = gradeThresholdsSchema.safeParse(thresholds);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new IcpValueError(fieldOf('thresholds', issue.path), issue.message);
  }
  scoringMapOf(doc).set('thresholds', JSON.stringify(parsed.data));
}

/**
 * Sets a range's acceptable band (null clears it). It must hold the ideal band: an account in the
 * ideal band is always at least acceptable.
 */
export function writeAcceptableBand(doc: Y.Doc, key: RangeSectionKey, band: ScoringBand | null): void {
  const map = rangeOf(doc, key);
  if (band === null || (band.min === null && band.max === null)) {
    doc.transact(() => {
      map.delete('acceptableMin');
      map.delete('acceptableMax');
    });
    return;
  }
  const section = sectionOf(key);
  for (const bound of ['min', 'max'] as const) {
    const value = band[bound];
    if (value !== null && (!Number.isFinite(value) || value < 0 || value > section.max)) {
      throw new IcpValueError(
        `${key}.acceptable.${bound}`,
        `must be between 0 and ${section.max.toLocaleString('en-US')}`,
      );
    }
  }
  if (band.min !== null && band.max !== null && band.min > band.max) {
    throw new IcpValueError(`${key}.acceptable.min`, 'the minimum must not exceed the maximum');
  }
  // An open end of the ideal band (null) reaches 0 or infinity: only an open end holds it.
  const ideal = readRange(doc, key);
  if (band.min !== null && ideal.min === null) {
    throw new IcpValueError(`${key}.acceptable.min`, 'must be empty while the ideal band has no minimum');
  }
  if (band.max !== null && ideal.max === null) {
    throw new IcpValueError(`${key}.acceptable.max`, 'must be empty while the ideal band has no maximum');
  }
  if (band.min !== null && ideal.min !== null && band.min > ideal.min) {
    throw new IcpValueError(`${key}.acceptable.min`, 'must be at most the ideal minimum');
  }
  if (band.max !== null && ideal.max !== null && band.max < ideal.max) {
    throw new IcpValueError(`${key}.acceptable.max`, 'must be at least the ideal maximum');
  }
  doc.transact(() => {
    if (band.min === null) map.delete('acceptableMin');
    else map.set('acceptableMin', band.min);
    if (band.max === null) map.delete('acceptableMax');
    else map.set('acceptableMax', band.max);
  });
}

/** Sets (or with null removes, back to a manual check) the structured rule of one disqualifier. */
export function writeDisqualifierRule(doc: Y.Doc, itemId: string, rule: DisqualifierRule | null): boolean {
  const entry = listOf(doc, 'disqualifiers')
    .toArray()
    .find((item) => item instanceof Y.Map && item.get('id') === itemId);
  if (!entry) return false;
  if (rule === null) {
    entry.delete('rule');
    return true;
  }
  const parsed = disqualifierRuleSchema.safeParse(rule);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new IcpValueError(fieldOf('rule', issue.path), issue.message);
  }
  entry.set('rule', JSON.stringify(parsed.data));
  return true;
}
