import {
  sectionOf,
  type AccountOverlapDto,
  type IcpComparisonDto,
  type IcpConflict,
  type ListComparison,
  type RangeComparison,
} from '@bullseye/shared';
import { rangeSummary } from '../../editor/rangeSummary.js';

type Compared = IcpComparisonDto['a'];
type Side = 'a' | 'b';

/** «Mid-market SaaS»: how an ICP's title reads inside a sentence. */
export const quoted = (title: string) => `«${title}»`;

/** Whether the comparison puts an ICP beside a negative ICP (who we never sell to). */
export function negativeSide(comparison: Pick<IcpComparisonDto, 'a' | 'b'>): Side | null {
  const { a, b } = comparison;
  if (a.kind === b.kind) return null;
  return a.kind === 'negative' ? 'a' : 'b';
}

const SEPARATION: Record<string, string> = {
  industries: 'industries share nothing',
  geographies: 'geographies share nothing',
  employees: 'company sizes do not overlap',
  revenue: 'revenue bands do not overlap',
};

/** "a, b and c" (or "a, b or c"). */
export function joinWords(words: readonly string[], last: 'and' | 'or' = 'and'): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} ${last} ${words[words.length - 1]}`;
}

/** "Fintech, B2B SaaS and 2 more". */
function someOf(items: readonly string[], shown = 3): string {
  if (items.length <= shown) return joinWords(items);
  return `${items.slice(0, shown).join(', ')} and ${items.length - shown} more`;
}

export type VerdictTone = 'same' | 'overlapping' | 'distinct';

export interface VerdictWording {
  tone: VerdictTone;
  /** One sentence: "Distinct: no company can match both (industries share nothing)". */
  headline: string;
  /** What both have in common, or what to do about it; null when the headline says it all. */
  detail: string | null;
}

/** The band both cover, as a phrase: "200 – 500 employees". */
function overlapText(range: RangeComparison): string | null {
  if (!range.overlap) return null;
  const currency = range.currencyA ?? undefined;
  return rangeSummary(
    { min: range.overlap.min, max: range.overlap.max, ...(currency ? { currency } : {}) },
    sectionOf(range.section),
  );
}

/** What both ICPs have in common that a company can match, as short phrases. */
function commonGround(comparison: Pick<IcpComparisonDto, 'lists' | 'ranges'>): string[] {
  const phrases: string[] = [];
  const list = (section: string) => comparison.lists.find((l) => l.section === section);
  const industries = list('industries')?.shared ?? [];
  const geographies = list('geographies')?.shared ?? [];
  const technologies = list('technologies')?.shared ?? [];
  if (industries.length > 0) phrases.push(`both name ${someOf(industries)}`);
  if (geographies.length > 0) phrases.push(`both cover ${someOf(geographies)}`);
  if (technologies.length > 0) phrases.push(`both look for ${someOf(technologies)}`);
  for (const range of comparison.ranges) {
    const text = overlapText(range);
    if (text && (range.relation === 'overlap' || range.relation === 'same')) {
      phrases.push(`${range.section === 'employees' ? 'sizes' : 'revenue bands'} meet at ${text}`);
    }
  }
  return phrases;
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * The verdict in words. Between an ICP and a negative ICP, it says what the ICP targets that we
 * never sell to, rather than how two segments relate.
 */
export function verdictWording(
  comparison: Pick<
    IcpComparisonDto,
    'a' | 'b' | 'verdict' | 'separatedBy' | 'lists' | 'ranges' | 'conflicts'
  >,
): VerdictWording {
  const negative = negativeSide(comparison);
  const why = joinWords(comparison.separatedBy.map((s) => SEPARATION[s] ?? `${s} share nothing`));
  const common = commonGround(comparison);
  if (negative) {
    const target = comparison[negative === 'a' ? 'b' : 'a'];
    const name = quoted(target.title);
    switch (comparison.verdict) {
      case 'same':
        return {
          tone: 'same',
          headline: `Same criteria: ${name} targets exactly who we never sell to`,
          detail: 'One of the two is wrong: change the ICP, or the negative ICP.',
        };
      case 'distinct':
        return {
          tone: 'distinct',
          headline: `Distinct: no company ${name} targets is one we never sell to${why ? ` (${why})` : ''}`,
          detail: null,
        };
      case 'overlapping':
        return {
          tone: 'overlapping',
          headline: `Overlapping: some companies ${name} targets are ones we never sell to`,
          detail: `Take those criteria out of ${name}, or narrow the negative ICP: an approved negative ICP disqualifies such accounts.`,
        };
    }
  }
  switch (comparison.verdict) {
    case 'same':
      return {
        tone: 'same',
        headline: 'Same criteria: both ICPs describe the same companies',
        detail: 'Keep one, or write down what sets the two segments apart.',
      };
    case 'distinct':
      return {
        tone: 'distinct',
        headline: `Distinct: no company can match both${why ? ` (${why})` : ''}`,
        detail: common.length > 0 ? `Apart from that, ${joinWords(common)}.` : null,
      };
    case 'overlapping':
      return {
        tone: 'overlapping',
        headline: 'Overlapping: some companies can match both',
        detail:
          common.length > 0
            ? `${capitalise(joinWords(common))}.`
            : 'Nothing they name is the same, but neither rules the other’s companies out.',
      };
  }
}

/**
 * The heading of the contradictions: what one ICP targets that the other rules out, or, beside a
 * negative ICP, what the ICP targets that we never sell to.
 */
export function conflictsTitle(comparison: Pick<IcpComparisonDto, 'a' | 'b'>): string {
  const negative = negativeSide(comparison);
  if (!negative) return 'What one targets that the other rules out';
  return `What ${quoted(comparison[negative === 'a' ? 'b' : 'a'].title)} targets that we never sell to`;
}

/** The three column headings of a list section: only in A, in both, only in B. */
export function columnTitles(
  section: ListComparison['section'],
  comparison: Pick<IcpComparisonDto, 'a' | 'b'>,
): [string, string, string] {
  const { a, b } = comparison;
  const negative = negativeSide(comparison);
  const targets = section === 'industries' || section === 'geographies' || section === 'technologies';
  const both = negative && targets ? 'Targeted, yet never sold to' : 'In both';
  return [`Only in ${quoted(a.title)}`, both, `Only in ${quoted(b.title)}`];
}

/** "2 in common.", "The same in both.", "Nothing in common." (beside a section's title). */
export function listSummary(list: ListComparison): string {
  const { shared, onlyA, onlyB } = list;
  if (shared.length + onlyA.length + onlyB.length === 0) return 'Neither lists any.';
  if (onlyA.length === 0 && onlyB.length === 0) return 'The same in both.';
  if (shared.length === 0) return 'Nothing in common.';
  return `${shared.length} in common.`;
}

/** How two bands relate, in words. */
export function rangeWording(range: RangeComparison, comparison: Pick<IcpComparisonDto, 'a' | 'b'>): string {
  const a = quoted(comparison.a.title);
  const b = quoted(comparison.b.title);
  const any = range.section === 'employees' ? 'any size' : 'any revenue';
  const negative = negativeSide(comparison);
  const size = range.section === 'employees' ? 'size' : 'revenue';
  /** When one side sets a band and the other does not. */
  const onlyOne = (setter: Side) => {
    const [has, lacks] = setter === 'a' ? [a, b] : [b, a];
    if (negative === setter) return `${lacks} takes ${any}, including the band we never sell to.`;
    if (negative) return `Only ${has} sets one; ${lacks} rules out no ${size}.`;
    return `Only ${has} sets one; ${lacks} takes ${any}.`;
  };
  switch (range.relation) {
    case 'unset':
      return 'Neither sets a band.';
    case 'onlyA':
      return onlyOne('a');
    case 'onlyB':
      return onlyOne('b');
    case 'same':
      return negative
        ? 'The same band: everything the ICP targets here, we never sell to.'
        : 'The same band.';
    case 'overlap': {
      const text = overlapText(range) ?? 'some values';
      return negative ? `Overlap: ${text} is targeted, yet never sold to.` : `Overlap: ${text} is in both.`;
    }
    case 'disjoint':
      return 'No overlap: no company can be in both.';
    case 'currencies':
      return `Not comparable: ${a} is in ${range.currencyA ?? 'USD'}, ${b} in ${range.currencyB ?? 'USD'}.`;
  }
}

/** One side's band: "200 – 2K employees", or "Any" when it sets none. */
export function bandText(range: RangeComparison, side: Side): string {
  const band = side === 'a' ? range.a : range.b;
  if (!band) return 'Not set';
  const currency = side === 'a' ? range.currencyA : range.currencyB;
  return rangeSummary(
    { min: band.min, max: band.max, ...(currency ? { currency } : {}) },
    sectionOf(range.section),
  );
}

/** "«A» targets Fintech, which «B» rules out: “Industry is Fintech”". */
export function conflictWording(
  conflict: IcpConflict,
  comparison: Pick<IcpComparisonDto, 'a' | 'b'>,
): string {
  const owner: Compared = comparison[conflict.icp];
  const other: Compared = comparison[conflict.icp === 'a' ? 'b' : 'a'];
  if (other.kind === 'negative') {
    return `${quoted(owner.title)} targets ${conflict.criterion}, which we never sell to (${quoted(other.title)}: “${conflict.ruledOutBy}”)`;
  }
  return `${quoted(owner.title)} targets ${conflict.criterion}, which ${quoted(other.title)} rules out: “${conflict.ruledOutBy}”`;
}

/** "1,234 of 5,000 (25%)". */
export function countOf(n: number, total: number): string {
  const percent = total > 0 ? Math.round((n / total) * 100) : 0;
  return `${n.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} (${percent}%)`;
}

/** The three account figures' labels, worded for a negative ICP when there is one. */
export function accountLabels(comparison: Pick<IcpComparisonDto, 'a' | 'b'>): {
  title: string;
  fitA: string;
  fitB: string;
  fitBoth: string;
} {
  const label = (icp: Compared) =>
    icp.kind === 'negative' ? `Match ${quoted(icp.title)} (never sell to)` : `Fit for ${quoted(icp.title)}`;
  const negative = negativeSide(comparison);
  return {
    title: negative ? 'Accounts targeted, yet never sold to' : 'Accounts that fit both',
    fitA: label(comparison.a),
    fitB: label(comparison.b),
    fitBoth: negative ? 'Targeted, yet never sold to' : 'Fit for both',
  };
}

/** Sentence under the account figures. */
export function accountsNote(
  accounts: AccountOverlapDto,
  comparison: Pick<IcpComparisonDto, 'a' | 'b'>,
): string {
  if (accounts.fitBoth === 0) {
    return negativeSide(comparison)
      ? 'None of the accounts the ICP grades A or B is one we never sell to.'
      : 'No account is graded A or B by both: the segments do not compete for the same accounts.';
  }
  return negativeSide(comparison)
    ? 'Graded A or B by the ICP, yet matching who we never sell to.'
    : 'Graded A or B by both drafts: decide which segment owns them.';
}
