import type { CanonicalIcp } from './canonical.js';
import type { ListItem, RangeValue } from './accessors.js';
import type { Currency } from './layout.js';
import { sectionOf } from './layout.js';
import { geographyCountries, isKnownGeography } from '../accounts/profileMatch.js';
import { ruleText } from '../scoring/compileScoringModel.js';
import { chipRule } from '../scoring/negativeDisqualifiers.js';
import type { DisqualifierRule, ScoringBand } from '../scoring/scoringSettings.js';
import {
  COMPARED_LISTS,
  COMPARED_RANGES,
  type IcpConflict,
  type ListComparison,
  type RangeComparison,
} from '../validation/icpComparison.js';
import type { IcpKind } from '../validation/icp.js';

/** One side of a comparison: the content and whether it is a negative ICP. */
export interface ComparedSide {
  canonical: CanonicalIcp;
  kind: IcpKind;
}

export interface IcpContentComparison {
  verdict: 'same' | 'overlapping' | 'distinct';
  separatedBy: string[];
  lists: ListComparison[];
  ranges: RangeComparison[];
  conflicts: IcpConflict[];
}

/** How criteria are told apart: ignoring case and spacing (as the list rules do). */
const keyOf = (text: string): string => text.trim().replace(/\s+/g, ' ').toLowerCase();

const isList = (value: unknown): value is ListItem[] => Array.isArray(value);
const isRange = (value: unknown): value is RangeValue =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && 'min' in value;

const listOf = (canonical: CanonicalIcp, key: string): ListItem[] => {
  const value = canonical.sections[key];
  return isList(value) ? value.filter((item) => item.text.trim() !== '') : [];
};

function compareList(section: (typeof COMPARED_LISTS)[number], a: ListItem[], b: ListItem[]): ListComparison {
  const keysB = new Set(b.map((item) => keyOf(item.text)));
  const keysA = new Set(a.map((item) => keyOf(item.text)));
  return {
    section,
    shared: a.filter((item) => keysB.has(keyOf(item.text))).map((item) => item.text),
    onlyA: a.filter((item) => !keysB.has(keyOf(item.text))).map((item) => item.text),
    onlyB: b.filter((item) => !keysA.has(keyOf(item.text))).map((item) => item.text),
  };
}

const bandOf = (value: unknown): ScoringBand | null =>
  isRange(value) && (value.min !== null || value.max !== null) ? { min: value.min, max: value.max } : null;

const low = (band: ScoringBand) => band.min ?? Number.NEGATIVE_INFINITY;
const high = (band: ScoringBand) => band.max ?? Number.POSITIVE_INFINITY;

/** The values in both bands, or null when none is. */
function intersect(a: ScoringBand, b: ScoringBand): ScoringBand | null {
  const min = Math.max(low(a), low(b));
  const max = Math.min(high(a), high(b));
  if (min > max) return null;
  return { min: Number.isFinite(min) ? min : null, max: Number.isFinite(max) ? max : null };
}

function compareRange(
  section: (typeof COMPARED_RANGES)[number],
  a: CanonicalIcp,
  b: CanonicalIcp,
): RangeComparison {
  const bandA = bandOf(a.sections[section]);
  const bandB = bandOf(b.sections[section]);
  const currencyOf = (canonical: CanonicalIcp, band: ScoringBand | null): Currency | null => {
    if (sectionOf(section).unit !== 'money' || !band) return null;
    const value = canonical.sections[section];
    return (isRange(value) ? value.currency : undefined) ?? 'USD';
  };
  const currencyA = currencyOf(a, bandA);
  const currencyB = currencyOf(b, bandB);
  const base = { section, a: bandA, b: bandB, currencyA, currencyB, overlap: null };
  if (!bandA && !bandB) return { ...base, relation: 'unset' };
  if (!bandA) return { ...base, relation: 'onlyB' };
  if (!bandB) return { ...base, relation: 'onlyA' };
  if (currencyA !== currencyB) return { ...base, relation: 'currencies' };
  const overlap = intersect(bandA, bandB);
  if (!overlap) return { ...base, relation: 'disjoint' };
  const same = bandA.min === bandB.min && bandA.max === bandB.max;
  return { ...base, overlap, relation: same ? 'same' : 'overlap' };
}

/**
 * Whether a free-text disqualifier names a criterion, as a whole word or phrase, ignoring case;
 * short codes in capitals ("US", "UK") only as written, so "anyone who asks us" does not name US.
 */
const mentions = (text: string, phrase: string): boolean => {
  const trimmed = phrase.trim().replace(/\s+/g, ' ');
  const code = /^[A-Z]{2,3}$/.test(trimmed);
  const needle = code ? trimmed : keyOf(trimmed);
  const haystack = code ? text.replace(/\s+/g, ' ') : keyOf(text);
  const escaped = needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const word = new RegExp(`(^|[^\\p{L}\\p{N}])${escaped}($|[^\\p{L}\\p{N}])`, 'u');
  return escaped !== '' && word.test(haystack);
};

const RULE_FIELD_OF_SECTION = {
  industries: 'industry',
  geographies: 'country',
  technologies: 'technologies',
} as const;

/** Whether a rule rules out a chip of `section` (values compared as scoring does, groups as countries). */
function ruleHitsChip(
  rule: DisqualifierRule,
  section: keyof typeof RULE_FIELD_OF_SECTION,
  chip: string,
): boolean {
  if (rule.op !== 'is' && rule.op !== 'uses') return false;
  const field = RULE_FIELD_OF_SECTION[section];
  if (rule.field !== field && !(section === 'geographies' && rule.field === 'region')) return false;
  if (section !== 'geographies' || rule.field === 'region') {
    return rule.values.some((value) => keyOf(value) === keyOf(chip));
  }
  const chipCountries = new Set(geographyCountries(chip).map(keyOf));
  return rule.values.some((value) => geographyCountries(value).some((c) => chipCountries.has(keyOf(c))));
}

/** Whether a numeric rule rules out some of a band (the band's values it disqualifies). */
function ruleHitsBand(rule: DisqualifierRule, section: 'employees' | 'revenue', band: ScoringBand): boolean {
  if (rule.field !== section) return false;
  switch (rule.op) {
    case 'below':
      return low(band) < rule.value;
    case 'above':
      return high(band) > rule.value;
    case 'between':
      return intersect(band, { min: rule.min, max: rule.max }) !== null;
    default:
      return false;
  }
}

/**
 * The criteria of `target` that `other` rules out: what its disqualifiers name (by rule, or a
 * free-text disqualifier naming the criterion), and, when `other` is a negative ICP, every
 * criterion it lists too.
 */
function conflictsOf(side: 'a' | 'b', target: ComparedSide, other: ComparedSide): IcpConflict[] {
  const out: IcpConflict[] = [];
  // What a negative ICP lists is never targeted: the other ruling it out is agreement.
  if (target.kind === 'negative') return out;
  const disqualifiers = listOf(other.canonical, 'disqualifiers');
  for (const section of ['industries', 'geographies', 'technologies'] as const) {
    // A negative ICP's chips rule out what they name, as its inherited rules do in scores.
    const negative = other.kind === 'negative' ? listOf(other.canonical, section) : [];
    for (const chip of listOf(target.canonical, section)) {
      const hit =
        negative.find((n) => ruleHitsChip(chipRule(section, n.text), section, chip.text))?.text ??
        disqualifiers.find((d) =>
          d.rule ? ruleHitsChip(d.rule, section, chip.text) : mentions(d.text, chip.text),
        )?.text;
      if (hit) out.push({ icp: side, section, criterion: chip.text, ruledOutBy: hit });
    }
  }
  for (const section of COMPARED_RANGES) {
    const band = bandOf(target.canonical.sections[section]);
    if (!band) continue;
    // Revenue compares only in one currency (scoring makes a person check the others).
    const currency = section === 'revenue' ? revenueCurrency(target.canonical) : null;
    if (currency && currency !== revenueCurrency(other.canonical)) continue;
    const criterion = ruleText({ field: section, op: 'between', min: band.min, max: band.max }, currency);
    const rules: { rule: DisqualifierRule; text: string }[] = disqualifiers.flatMap((d) =>
      d.rule ? [{ rule: d.rule, text: d.text }] : [],
    );
    const otherBand = bandOf(other.canonical.sections[section]);
    if (other.kind === 'negative' && otherBand) {
      rules.push({
        rule: { field: section, op: 'between', min: otherBand.min, max: otherBand.max },
        text: ruleText({ field: section, op: 'between', min: otherBand.min, max: otherBand.max }, currency),
      });
    }
    const hit = rules.find((r) => ruleHitsBand(r.rule, section, band));
    if (hit) out.push({ icp: side, section, criterion, ruledOutBy: hit.text });
  }
  return out;
}

/**
 * Two ICPs side by side: the criteria they share and those only one has, how their size and
 * revenue bands relate, what one rules out that the other targets, and whether any company can
 * match both (`distinct` when industries or geographies share nothing, or a band does not overlap).
 */
export function compareIcps(a: ComparedSide, b: ComparedSide): IcpContentComparison {
  const lists = COMPARED_LISTS.map((section) =>
    compareList(section, listOf(a.canonical, section), listOf(b.canonical, section)),
  );
  const ranges = COMPARED_RANGES.map((section) => compareRange(section, a.canonical, b.canonical));
  const separatedBy: string[] = [];
  for (const list of lists) {
    if (list.section !== 'industries' && list.section !== 'geographies') continue;
    if (list.shared.length === 0 && list.onlyA.length > 0 && list.onlyB.length > 0) {
      if (list.section === 'geographies' && geographiesMeet(a.canonical, b.canonical)) continue;
      separatedBy.push(list.section);
    }
  }
  for (const range of ranges) if (range.relation === 'disjoint') separatedBy.push(range.section);
  const same =
    lists.every((l) => l.onlyA.length === 0 && l.onlyB.length === 0) &&
    ranges.every((r) => r.relation === 'same' || r.relation === 'unset');
  const verdict = same ? 'same' : separatedBy.length > 0 ? 'distinct' : 'overlapping';
  return {
    verdict,
    separatedBy,
    lists,
    ranges,
    conflicts: [...conflictsOf('a', a, b), ...conflictsOf('b', b, a)],
  };
}

/** An ICP's revenue currency (its revenue range's, USD by default), as scoring reads it. */
function revenueCurrency(canonical: CanonicalIcp): Currency {
  const value = canonical.sections.revenue;
  return (isRange(value) ? value.currency : undefined) ?? 'USD';
}

/**
 * Geographies written differently may still meet ("DACH" and "Germany"); a chip this code does
 * not know as a country or group ("Bavaria", "Greater London") may be a region inside the other's
 * countries, so it may meet too.
 */
function geographiesMeet(a: CanonicalIcp, b: CanonicalIcp): boolean {
  const chips = [...listOf(a, 'geographies'), ...listOf(b, 'geographies')];
  if (chips.some((chip) => !isKnownGeography(chip.text))) return true;
  const countries = new Set(listOf(a, 'geographies').flatMap((i) => geographyCountries(i.text).map(keyOf)));
  return listOf(b, 'geographies').some((i) =>
    geographyCountries(i.text).some((c) => countries.has(keyOf(c))),
  );
}
