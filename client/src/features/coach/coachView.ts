import {
  COACH_RULES,
  findSection,
  findingKey,
  type CoachDismissalDto,
  type CoachFinding,
  type SectionKey,
} from '@bullseye/shared';

/**
 * A finding as the live coach reports it or as a version recorded it (where the section is only
 * known to be a string).
 */
export type FindingLike = Omit<CoachFinding, 'section'> & { section: string | null };

/** A finding someone dismissed, with who said why. */
export interface DismissedFinding<F extends FindingLike = CoachFinding> {
  finding: F;
  key: string;
  dismissal: CoachDismissalDto;
}

/** A finding still to act on, with its key (what a dismissal refers to). */
export interface OpenFinding<F extends FindingLike = CoachFinding> {
  finding: F;
  key: string;
}

export interface CoachSplit<F extends FindingLike = CoachFinding> {
  /** Warnings first, then hints; otherwise in the coach's order (by section). */
  open: OpenFinding<F>[];
  dismissed: DismissedFinding<F>[];
}

/** The key a dismissal refers to (rule, section, normalised subject). */
export const keyOf = (finding: FindingLike): string => findingKey(finding as CoachFinding);

const SEVERITY_RANK = { warning: 0, hint: 1 } as const;

/** Warnings before hints, keeping the coach's own order (page order) within each. */
export function bySeverity<T extends { finding: Pick<CoachFinding, 'severity'> }>(items: readonly T[]): T[] {
  return items
    .map((item, index) => ({ item, index }))
    .sort(
      (a, b) =>
        SEVERITY_RANK[a.item.finding.severity] - SEVERITY_RANK[b.item.finding.severity] || a.index - b.index,
    )
    .map((x) => x.item);
}

/**
 * Splits the coach's findings into those still open and those dismissed (by finding key).
 * Dismissals of findings the coach no longer reports are left out: there is nothing to show.
 */
export function splitFindings<F extends FindingLike>(
  findings: readonly F[],
  dismissals: readonly CoachDismissalDto[],
): CoachSplit<F> {
  const byKey = new Map(dismissals.map((d) => [d.findingKey, d]));
  const open: OpenFinding<F>[] = [];
  const dismissed: DismissedFinding<F>[] = [];
  const seen = new Set<string>();
  for (const finding of findings) {
    const key = keyOf(finding);
    if (seen.has(key)) continue;
    seen.add(key);
    const dismissal = byKey.get(key);
    if (dismissal) dismissed.push({ finding, key, dismissal });
    else open.push({ finding, key });
  }
  return { open: bySeverity(open), dismissed: bySeverity(dismissed) };
}

/** The open findings of each section, in the order given; findings about the whole ICP are left out. */
export function openBySection(open: readonly OpenFinding[]): ReadonlyMap<SectionKey, OpenFinding[]> {
  const map = new Map<SectionKey, OpenFinding[]>();
  for (const item of open) {
    const section = item.finding.section;
    if (section === null) continue;
    const list = map.get(section);
    if (list) list.push(item);
    else map.set(section, [item]);
  }
  return map;
}

export interface CoachCounts {
  warnings: number;
  hints: number;
}

export function countBySeverity(items: readonly { finding: Pick<CoachFinding, 'severity'> }[]): CoachCounts {
  let warnings = 0;
  for (const item of items) if (item.finding.severity === 'warning') warnings++;
  return { warnings, hints: items.length - warnings };
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "3 warnings, 2 hints", "1 hint", "no open findings". */
export function countsText({ warnings, hints }: CoachCounts): string {
  const parts = [];
  if (warnings) parts.push(plural(warnings, 'warning', 'warnings'));
  if (hints) parts.push(plural(hints, 'hint', 'hints'));
  return parts.length ? parts.join(', ') : 'no open findings';
}

/** The title of a finding's section, or null for the ICP as a whole. */
export function sectionTitle(section: string | null): string | null {
  return section === null ? null : (findSection(section)?.title ?? null);
}

/** Two finding lists say the same (so the page need not re-render). */
export function sameFindings(a: readonly CoachFinding[], b: readonly CoachFinding[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((f, i) => {
    const g = b[i]!;
    return (
      f.ruleId === g.ruleId &&
      f.severity === g.severity &&
      f.section === g.section &&
      f.subject === g.subject &&
      f.message === g.message &&
      f.fix === g.fix
    );
  });
}

/** A dismissal as a version recorded it (without the finding's wording): its rule and where. */
export interface DismissalSummary {
  /** The rule's title ("Catch-all criterion"), or its id for a rule this client does not know. */
  title: string;
  severity: CoachFinding['severity'] | null;
  /** The section's title, or null for the ICP as a whole. */
  section: string | null;
  /** What within the section (a criterion, a function…), as the key normalised it; '' for none. */
  subject: string;
}

/** Reads a dismissal's rule, section and subject from its finding key (`rule:section:subject`). */
export function describeDismissal(
  dismissal: Pick<CoachDismissalDto, 'findingKey' | 'ruleId'>,
): DismissalSummary {
  const rule = COACH_RULES.find((r) => r.id === dismissal.ruleId);
  const prefix = `${dismissal.ruleId}:`;
  const rest = dismissal.findingKey.startsWith(prefix) ? dismissal.findingKey.slice(prefix.length) : '';
  const colon = rest.indexOf(':');
  const sectionKey = colon < 0 ? '*' : rest.slice(0, colon);
  return {
    title: rule?.title ?? dismissal.ruleId,
    severity: rule?.severity ?? null,
    section: sectionKey === '*' ? null : sectionTitle(sectionKey),
    subject: colon < 0 ? '' : rest.slice(colon + 1),
  };
}
