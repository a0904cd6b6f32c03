import type { AccountColumns } from '../accounts/accountColumns.js';
import { describeBestCustomers } from '../accounts/bestCustomerMask.js';
import { profileCoverage } from '../accounts/profileMatch.js';
import type { CanonicalIcp } from '../icp/canonical.js';
import type { ListItem } from '../icp/accessors.js';
import {
  CURRENCIES,
  ICP_SECTIONS,
  type Currency,
  type ListSectionKey,
  type RangeSectionKey,
} from '../icp/layout.js';
import {
  bestCustomerDefinitionSchema,
  evidenceSchema,
  type BestCustomerCondition,
  type BestCustomerDefinition,
  type Comparison,
  type CoverageDto,
  type Evidence,
  type InsightsBody,
  type ProfileCriteria,
  type TraitDto,
} from '../validation/datasets.js';
import { driftExceedsThreshold, type CoachDrift } from './coachRules.js';

/**
 * What a dataset says about an ICP, for the coach's two data rules: how much of the market the
 * profile matches (`vague-matches-most-accounts`) and how the statistics behind the approved
 * version's criteria moved since (`static-drift-since-approval`). Pure helpers shared by the
 * browser (which asks the API for coverage and insights) and the server (which reads the columns
 * in memory when it records a version), so both say the same.
 */

// ---------- which dataset ----------

/** A dataset as these helpers need it. */
export interface CoachDatasetRef {
  id: string;
  revision: number;
}

/**
 * The dataset the coach reads: the one the ICP's best-customer definition names when it is ready,
 * else the workspace's newest ready one (as the Data tab picks it); null without a ready dataset.
 * `ready` is newest first.
 */
export function coachDatasetChoice<D extends CoachDatasetRef>(
  definitionDatasetId: string | null | undefined,
  ready: readonly D[],
): D | null {
  return ready.find((d) => d.id === definitionDatasetId) ?? ready[0] ?? null;
}

/** The best-customer definition of a canonical ICP (JSON from anywhere: checked), or null. */
export function definitionOf(canonical: CanonicalIcp | null | undefined): BestCustomerDefinition | null {
  const parsed = bestCustomerDefinitionSchema.safeParse(canonical?.bestCustomers);
  return parsed.success ? parsed.data : null;
}

// ---------- breadth ----------

/** Criteria per list the coverage request carries at most (as the Data tab sends them). */
const MAX_LIST = 50;
/** Longest criterion text the coverage request accepts. */
const MAX_TEXT = 200;

function listOf(canonical: CanonicalIcp, key: ListSectionKey): ListItem[] {
  const value: unknown = canonical.sections[key];
  if (!Array.isArray(value)) return [];
  return value.filter(
    (item): item is ListItem =>
      typeof item === 'object' && item !== null && typeof (item as ListItem).text === 'string',
  );
}

const validEvidence = (value: unknown): Evidence | null => {
  const parsed = evidenceSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
};

const finiteOrNull = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;

function rangeOf(canonical: CanonicalIcp, key: RangeSectionKey): ProfileCriteria['employees'] {
  const value: unknown = canonical.sections[key];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { min: null, max: null };
  const range = value as { min?: unknown; max?: unknown; currency?: unknown };
  const out: ProfileCriteria['employees'] = { min: finiteOrNull(range.min), max: finiteOrNull(range.max) };
  if (CURRENCIES.includes(range.currency as Currency)) out.currency = range.currency as Currency;
  return out;
}

/**
 * The criteria coverage checks (industries, geographies, technologies, employees, revenue and
 * disqualifiers, with their evidence), read from a canonical ICP the way the Data tab reads them
 * from the live draft.
 */
export function profileCriteriaOf(canonical: CanonicalIcp): ProfileCriteria {
  const items = (key: ListSectionKey) =>
    listOf(canonical, key)
      .slice(0, MAX_LIST)
      .map((item) => {
        const text = item.text.slice(0, MAX_TEXT);
        const evidence = validEvidence(item.evidence);
        return evidence ? { text, evidence } : { text };
      });
  return {
    industries: items('industries'),
    geographies: items('geographies'),
    technologies: items('technologies'),
    employees: rangeOf(canonical, 'employees'),
    revenue: rangeOf(canonical, 'revenue'),
    disqualifiers: items('disqualifiers'),
  };
}

/**
 * The coach's `matchShareOfAll` from a coverage answer: the breadth (share of all accounts the
 * criteria match), or null when no criterion could be checked against the data (an empty draft
 * "matches everything", which the other vague rules already say better).
 */
export function matchShareOfCoverage(coverage: Pick<CoverageDto, 'checked' | 'breadth'>): number | null {
  return coverage.checked > 0 && Number.isFinite(coverage.breadth) ? coverage.breadth : null;
}

/** The share of all accounts in `columns` the criteria match (see matchShareOfCoverage). */
export function matchShareOfAll(columns: AccountColumns, criteria: ProfileCriteria): number | null {
  // Breadth does not depend on who the best customers are: no mask to compute.
  return matchShareOfCoverage(profileCoverage(columns, new Uint8Array(columns.count), criteria));
}

// ---------- drift since approval ----------

/** A criterion of a version with the evidence it was added with. */
export interface EvidencedCriterion {
  /** How the coach names it: the chip's text, or the band ("201–500 employees", "revenue $10M–$50M"). */
  criterion: string;
  evidence: Evidence;
}

/**
 * Lists whose criteria may carry evidence and describe the customer positively. Disqualifiers are
 * left out: an anti-ICP trait's lift rising is not "marks your best customers more strongly".
 */
const DRIFT_LISTS = ICP_SECTIONS.filter((s) => s.kind === 'list' && s.key !== 'disqualifiers').map(
  (s) => s.key as ListSectionKey,
);
const DRIFT_RANGES = ICP_SECTIONS.filter((s) => s.kind === 'range').map((s) => s.key as RangeSectionKey);

/** The criteria of a canonical ICP that carry evidence, in page order. */
export function evidencedCriteria(canonical: CanonicalIcp): EvidencedCriterion[] {
  const out: EvidencedCriterion[] = [];
  for (const key of DRIFT_LISTS) {
    for (const item of listOf(canonical, key)) {
      const evidence = validEvidence(item.evidence);
      if (evidence && item.text.trim() !== '') out.push({ criterion: item.text.trim(), evidence });
    }
  }
  for (const key of DRIFT_RANGES) {
    const value: unknown = canonical.sections[key];
    if (typeof value !== 'object' || value === null || Array.isArray(value)) continue;
    const evidence = validEvidence((value as { evidence?: unknown }).evidence);
    if (!evidence) continue;
    out.push({ criterion: key === 'revenue' ? `revenue ${evidence.value}` : evidence.value, evidence });
  }
  return out;
}

/** One insights question drift needs answered: a dataset, a definition, and the criteria it serves. */
export interface DriftQuery {
  datasetId: string;
  /** The dataset's revision now (newer than every criterion's evidence). */
  revision: number;
  comparison: Comparison;
  conditions: BestCustomerCondition[];
  criteria: EvidencedCriterion[];
}

/** The insights settings drift compares with (evidence is added from the standard bands). */
export const DRIFT_INSIGHTS = { bands: 'standard', minSample: 30 } as const;

/** The insights request of a drift query. */
export function driftInsightsBody(query: DriftQuery): InsightsBody {
  return { comparison: query.comparison, conditions: query.conditions, ...DRIFT_INSIGHTS };
}

/** A key that names a drift query's answer (same key, same insights). */
export function driftQueryKey(query: Omit<DriftQuery, 'criteria'>): string {
  return JSON.stringify([query.datasetId, query.revision, query.comparison, query.conditions]);
}

/**
 * What has to be asked of which dataset to tell how the approved version's criteria drifted: for
 * each criterion with evidence whose dataset is ready and was re-imported since (a newer revision;
 * without a new import nothing moved), the insights of that dataset for the definition the evidence
 * was computed with. The evidence keeps that definition in words only, so it is looked up among
 * `definitions` (the approved version's, the draft's): one that names the same dataset and reads
 * the same. Criteria whose definition is not among them are not compared (other best customers,
 * other numbers). Queries group the criteria by dataset and definition.
 */
export function driftQueries(
  approved: CanonicalIcp,
  definitions: readonly (BestCustomerDefinition | null | undefined)[],
  ready: readonly CoachDatasetRef[],
): DriftQuery[] {
  const queries = new Map<string, DriftQuery>();
  for (const item of evidencedCriteria(approved)) {
    const { evidence } = item;
    const dataset = ready.find((d) => d.id === evidence.datasetId);
    if (!dataset || dataset.revision <= evidence.revision) continue;
    const definition = definitions.find(
      (d) =>
        d != null &&
        d.datasetId === evidence.datasetId &&
        d.comparison === evidence.comparison &&
        describeBestCustomers(d.conditions, d.comparison) === evidence.bestCustomers,
    );
    if (!definition) continue;
    const query = {
      datasetId: dataset.id,
      revision: dataset.revision,
      comparison: definition.comparison,
      conditions: definition.conditions,
    };
    const key = driftQueryKey(query);
    const known = queries.get(key);
    if (known) known.criteria.push(item);
    else queries.set(key, { ...query, criteria: [item] });
  }
  return [...queries.values()];
}

/** What drift reads of a trait in the insights. */
export type DriftTrait = Pick<TraitDto, 'dimension' | 'value' | 'band' | 'lift' | 'shareBest'>;

const sameText = (a: string, b: string) => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();

/** The trait an evidence was taken from: same dimension and value (a band also by its bounds). */
function traitOf(evidence: Evidence, traits: readonly DriftTrait[]): DriftTrait | undefined {
  const same = traits.filter((t) => t.dimension === evidence.dimension);
  return (
    same.find((t) => sameText(t.value, evidence.value)) ??
    (evidence.band
      ? same.find((t) => t.band && t.band.min === evidence.band!.min && t.band.max === evidence.band!.max)
      : undefined)
  );
}

/**
 * How each criterion's lift and coverage (its share among the best customers) moved from its
 * evidence to the same trait in `traits` (current insights for the same dataset and definition),
 * keeping only moves past the coach's thresholds (lift by more than 25% of its value, coverage by
 * more than 10 points). A criterion whose value is no longer among the traits is skipped.
 */
export function driftOf(
  criteria: readonly EvidencedCriterion[],
  traits: readonly DriftTrait[],
): CoachDrift[] {
  const out: CoachDrift[] = [];
  const seen = new Set<string>();
  for (const { criterion, evidence } of criteria) {
    const now = traitOf(evidence, traits);
    if (!now) continue;
    const moves: CoachDrift[] = [
      { criterion, measure: 'lift', before: evidence.lift, after: now.lift },
      { criterion, measure: 'coverage', before: evidence.shareBest, after: now.shareBest },
    ];
    for (const drift of moves) {
      const key = `${drift.measure} ${criterion.toLocaleLowerCase()}`;
      if (seen.has(key) || !driftExceedsThreshold(drift)) continue;
      seen.add(key);
      out.push(drift);
    }
  }
  return out;
}
