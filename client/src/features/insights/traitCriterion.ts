import {
  DIMENSION_SECTION,
  type Comparison,
  type Evidence,
  type ListItem,
  type RangeValue,
  type TraitDto,
} from '@bullseye/shared';
import { DIMENSION_LABEL, SECTION_LABEL } from './format.js';

/**
 * What adding a trait of the insights to the ICP means: which section it goes to, with what text
 * or band, whether it is already there, and the evidence it carries. Pure, so it is tested apart
 * from the Y.Doc that the panel writes it to.
 */

export type TraitCriterion =
  | {
      kind: 'list';
      section: 'industries' | 'geographies' | 'technologies' | 'disqualifiers';
      text: string;
      /** "Add Fintech to Industries", "Add Education as disqualifier". */
      actionLabel: string;
    }
  | {
      kind: 'range';
      section: 'employees' | 'revenue';
      min: number | null;
      max: number | null;
      /** The band in words. */
      text: string;
      actionLabel: string;
    };

/** The criteria of the live draft a trait is compared with, to say "Added". */
export interface DraftCriteria {
  industries: readonly ListItem[];
  geographies: readonly ListItem[];
  technologies: readonly ListItem[];
  disqualifiers: readonly ListItem[];
  employees: RangeValue;
  revenue: RangeValue;
}

/**
 * The value of a trait as people read it: the value itself, or the band's label for numbers as
 * the insights word it ("201–1,000 employees", "$10M–$50M").
 */
export function traitValueText(trait: Pick<TraitDto, 'value'>): string {
  return trait.value.trim();
}

/** An anti-ICP trait as a disqualifier: "Industry: Education", "Company size: 1–10 employees". */
export function disqualifierText(trait: Pick<TraitDto, 'dimension' | 'value'>): string {
  return `${DIMENSION_LABEL[trait.dimension]}: ${traitValueText(trait)}`;
}

/**
 * The criterion a trait becomes: anti-ICP traits a disqualifier, text values a criterion of their
 * section, numeric bands the range of theirs (a revenue range keeps its currency).
 */
export function criterionForTrait(
  trait: Pick<TraitDto, 'dimension' | 'value' | 'band' | 'label'>,
): TraitCriterion {
  const value = traitValueText(trait);
  if (trait.label === 'anti') {
    return {
      kind: 'list',
      section: 'disqualifiers',
      text: disqualifierText(trait),
      actionLabel: `Add ${value} as disqualifier`,
    };
  }
  const section = DIMENSION_SECTION[trait.dimension];
  if (section === 'employees' || section === 'revenue') {
    return {
      kind: 'range',
      section,
      min: trait.band?.min ?? null,
      max: trait.band?.max ?? null,
      text: value,
      actionLabel: `Add ${value} to ${SECTION_LABEL[section]}`,
    };
  }
  return { kind: 'list', section, text: value, actionLabel: `Add ${value} to ${SECTION_LABEL[section]}` };
}

/** Whether the draft already holds the criterion (text compared without case; a range by its bounds). */
export function isCriterionPresent(criterion: TraitCriterion, draft: DraftCriteria): boolean {
  if (criterion.kind === 'range') {
    const range = draft[criterion.section];
    return range.min === criterion.min && range.max === criterion.max;
  }
  const wanted = criterion.text.trim().toLocaleLowerCase();
  return draft[criterion.section].some((item) => item.text.trim().toLocaleLowerCase() === wanted);
}

export interface EvidenceSource {
  datasetId: string;
  datasetName: string;
  /** The revision the insights were computed on. */
  revision: number;
  /** The best-customer definition in words. */
  bestCustomers: string;
  comparison: Comparison;
}

const clamp01 = (n: number) => Math.min(1, Math.max(0, n));
const nonNegative = (n: number) => (Number.isFinite(n) ? Math.max(0, n) : 0);

/** The evidence a criterion added from `trait` carries (the shape `evidenceSchema` accepts). */
export function evidenceForTrait(trait: TraitDto, source: EvidenceSource, now: Date = new Date()): Evidence {
  return {
    datasetId: source.datasetId,
    datasetName: source.datasetName.slice(0, 80),
    revision: Math.max(0, Math.trunc(source.revision)),
    dimension: trait.dimension,
    value: trait.value.slice(0, 200),
    band: trait.band ? { min: trait.band.min, max: trait.band.max } : null,
    bestCustomers: source.bestCustomers.slice(0, 500),
    comparison: source.comparison,
    bestN: Math.max(0, Math.trunc(trait.bestKnown)),
    n: Math.max(0, Math.trunc(trait.n)),
    shareBest: clamp01(trait.shareBest),
    shareComparison: clamp01(trait.shareComparison),
    lift: nonNegative(trait.lift),
    low: nonNegative(trait.low),
    high: Number.isFinite(trait.high) ? Math.max(0, trait.high) : nonNegative(trait.lift),
    winRate: trait.winRate === null ? null : clamp01(trait.winRate),
    computedAt: now.toISOString(),
  };
}
