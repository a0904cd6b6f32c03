import { FUNCTIONS, ICP_SECTIONS, type IcpContributionsDto, type IcpFunction } from '@bullseye/shared';

export interface ContributionsMapRow {
  section: string;
  title: string;
  /** Edits and comments per function, in FUNCTIONS order. */
  counts: number[];
  /** Exactly one function contributed. */
  singleFunction: boolean;
}

export interface ContributionsMapView {
  /** Sections someone with a function contributed to, in page order. */
  rows: ContributionsMapRow[];
  /** Sign-offs given with a reason, per function, in FUNCTIONS order. */
  signOffReasons: number[];
  /** Sections nobody with a function has touched yet, by title. */
  untouched: string[];
  /** Functions with no edit, comment or sign-off reason anywhere. */
  silent: IcpFunction[];
}

/**
 * The coach's small contributions map: which function edited or commented on which section, and
 * gave sign-offs with a reason; sections only one function touched, and functions silent so far.
 */
export function contributionsMapView(answer: IcpContributionsDto): ContributionsMapView {
  const cells = new Map<string, number>();
  for (const c of answer.contributions) {
    const key = `${c.section}|${c.function}`;
    cells.set(key, (cells.get(key) ?? 0) + c.edits + c.comments);
  }
  const rows: ContributionsMapRow[] = [];
  const untouched: string[] = [];
  for (const { key, title } of ICP_SECTIONS) {
    const counts = FUNCTIONS.map((fn) => cells.get(`${key}|${fn}`) ?? 0);
    const by = counts.filter((n) => n > 0).length;
    if (by === 0) untouched.push(title);
    else rows.push({ section: key, title, counts, singleFunction: by === 1 });
  }
  const signOffReasons = FUNCTIONS.map(
    (fn) => answer.signOffReasons.find((r) => r.function === fn)?.count ?? 0,
  );
  const silent = FUNCTIONS.filter(
    (fn, i) => signOffReasons[i] === 0 && rows.every((row) => row.counts[i] === 0),
  );
  return { rows, signOffReasons, untouched, silent };
}
