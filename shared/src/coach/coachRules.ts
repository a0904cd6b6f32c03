import type { ListItem, RangeValue } from '../icp/accessors.js';
import type { CanonicalIcp } from '../icp/canonical.js';
import { limitRichTextDepth, richTextToPlain, type RichTextNode } from '../icp/fragment.js';
import {
  ICP_SECTIONS,
  sectionOf,
  type ListSectionKey,
  type RangeSectionKey,
  type RichTextSectionKey,
  type SectionKey,
} from '../icp/layout.js';
import { FUNCTIONS, FUNCTION_LABELS, type IcpFunction } from '../logic/roles.js';
import type { IcpKind } from '../validation/icp.js';

/**
 * The ICP quality coach: rules, as data, that say what is wrong in this ICP and how to fix it. Each
 * rule belongs to one of the anti-patterns of the domain primer (vague, static, ivory tower,
 * data-only, and two more: opinion-only and persona-first) and reports findings that quote the
 * offending text. Pure: everything a rule needs comes in as one JSON-serialisable `CoachInput`.
 */

// ---------- input and output ----------

export type CoachSeverity = 'hint' | 'warning';
export type CoachPractice = 'vague' | 'static' | 'ivoryTower' | 'dataOnly' | 'opinionOnly' | 'personaFirst';

/** The review cadence of the ICP: its interval, the next due date and the last approval (ISO times). */
export interface CoachReview {
  intervalDays: number | null;
  dueAt: string | null;
  approvedAt: string | null;
}

/**
 * How many edits (or promoted notes, comments…) one function made to one section; `section` null
 * for what speaks to the ICP as a whole (a sign-off with a reason).
 */
export interface CoachContribution {
  section: SectionKey | null;
  function: IcpFunction;
  count: number;
}

/**
 * How a criterion's statistics moved between the approved version and today's data: `lift` as the
 * ratio (2 = twice as common among the best customers), `coverage` as the share of best customers
 * it matches (0–1).
 */
export interface CoachDrift {
  criterion: string;
  before: number;
  after: number;
  measure: 'lift' | 'coverage';
}

export interface CoachDataset {
  /** Share (0–1) of all accounts of the dataset the profile matches; null when not computed. */
  matchShareOfAll: number | null;
  driftSinceApproval: CoachDrift[];
}

export interface CoachInput {
  canonical: CanonicalIcp;
  /** Milliseconds since the epoch. */
  now: number;
  review: CoachReview;
  /** Contributions per section and function; null when unknown (the ivory-tower rules then stay quiet). */
  contributions: CoachContribution[] | null;
  /** What a dataset says about the profile; null when no dataset is linked. */
  dataset: CoachDataset | null;
  /** A negative ICP gets only the rules marked `forNegative`; `icp` when absent. */
  kind?: IcpKind;
}

export interface CoachFinding {
  ruleId: string;
  severity: CoachSeverity;
  practice: CoachPractice;
  /** The section the finding is about, or null for the ICP as a whole. */
  section: SectionKey | null;
  /** What the finding is about within its section (a criterion, a function…), normalised; '' for the section itself. */
  subject: string;
  /** What is wrong here, quoting the offending text. */
  message: string;
  /** How to fix it. */
  fix: string;
}

export interface CoachRule {
  id: string;
  severity: CoachSeverity;
  practice: CoachPractice;
  title: string;
  /** The sections its findings are about, or null when it reports on the ICP as a whole. */
  sections: readonly SectionKey[] | null;
  /**
   * Whether it also coaches a negative ICP (who we never sell to). Catch-all words, huge bands,
   * persona traits, a stale review and one function writing alone matter there too; "no
   * industries", "no size band", customer words or numbers in the narrative do not.
   */
  forNegative?: true;
  check(input: CoachInput): CoachFinding[];
}

// ---------- thresholds ----------

/** More industries than this and the profile is a list of the market, not a profile. */
const MAX_INDUSTRIES = 8;
/** A range whose max is more than this many times its min spans over two orders of magnitude. */
const MAX_RANGE_RATIO = 100;
/** A narrative this share of whose content words sit in generic phrases is generic. */
const GENERIC_SHARE = 0.5;
/** A profile matching more than this share of all accounts barely narrows the market. */
const MAX_MATCH_SHARE = 0.4;
/** Lift moving by more than this share of its value at approval is drift. */
const LIFT_DRIFT_RELATIVE = 0.25;
/** Coverage moving by more than this (as a share, 0.1 = 10 points) is drift. */
const COVERAGE_DRIFT_POINTS = 0.1;
/** With criteria in at least this many list or range sections, a profile without quotes is data-only. */
const DATA_ONLY_MIN_STRUCTURED_SECTIONS = 3;
/** Longest quoted criterion in a message, in characters. */
const MAX_QUOTE_LENGTH = 80;
/** Longest subject in a finding key, in characters. */
const MAX_SUBJECT_LENGTH = 60;

export const COACH_THRESHOLDS = {
  MAX_INDUSTRIES,
  MAX_RANGE_RATIO,
  GENERIC_SHARE,
  MAX_MATCH_SHARE,
  LIFT_DRIFT_RELATIVE,
  COVERAGE_DRIFT_POINTS,
  DATA_ONLY_MIN_STRUCTURED_SECTIONS,
} as const;

/** Slack for comparing computed decimals with a threshold (0.8 - 0.7 is not quite 0.1). */
const EPSILON = 1e-9;
const DAY_MS = 24 * 60 * 60 * 1000;

// ---------- reading the canonical ICP (defensively: it is JSON from anywhere) ----------

const LIST_KEYS: readonly ListSectionKey[] = ICP_SECTIONS.filter((s) => s.kind === 'list').map(
  (s) => s.key as ListSectionKey,
);
const RANGE_KEYS: readonly RangeSectionKey[] = ICP_SECTIONS.filter((s) => s.kind === 'range').map(
  (s) => s.key as RangeSectionKey,
);
const NARRATIVE_KEYS: readonly RichTextSectionKey[] = ICP_SECTIONS.filter((s) => s.kind === 'richText').map(
  (s) => s.key as RichTextSectionKey,
);

function listItems(icp: CanonicalIcp, key: ListSectionKey): ListItem[] {
  const value: unknown = icp.sections[key];
  if (!Array.isArray(value)) return [];
  return value.filter(
    (item): item is ListItem =>
      typeof item === 'object' && item !== null && typeof (item as ListItem).text === 'string',
  );
}

const finiteOrNull = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;

function rangeValue(icp: CanonicalIcp, key: RangeSectionKey): RangeValue {
  const value: unknown = icp.sections[key];
  if (typeof value !== 'object' || value === null || Array.isArray(value) || 'type' in value) {
    return { min: null, max: null };
  }
  const range = value as Partial<RangeValue>;
  const out: RangeValue = { min: finiteOrNull(range.min), max: finiteOrNull(range.max) };
  if (range.currency) out.currency = range.currency;
  if (range.evidence) out.evidence = range.evidence;
  return out;
}

function narrativeNode(icp: CanonicalIcp, key: RichTextSectionKey): RichTextNode | null {
  const value: unknown = icp.sections[key];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  return typeof (value as RichTextNode).type === 'string' ? (value as RichTextNode) : null;
}

function narrativeText(icp: CanonicalIcp, key: RichTextSectionKey): string {
  const node = narrativeNode(icp, key);
  return node ? richTextToPlain(node) : '';
}

/** Whether a narrative holds a block quote with text in it (Tiptap's `blockquote`). */
function hasBlockQuote(node: RichTextNode | null): boolean {
  if (!node) return false;
  const stack: RichTextNode[] = [limitRichTextDepth(node)];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (current.type === 'blockquote' && richTextToPlain(current).trim().length > 0) return true;
    if (Array.isArray(current.content)) stack.push(...current.content);
  }
  return false;
}

const rangeIsSet = (range: RangeValue): boolean => range.min !== null || range.max !== null;

// ---------- text heuristics ----------

const NUMBER = /\d/;

/**
 * A quotation: text between straight or curly double quotes, guillemets or German quotes, or
 * between single quotes when it spans a space (so apostrophes in "don't" or "customers'" are not
 * read as quotes).
 */
const QUOTATIONS: readonly RegExp[] = [
  /"[^"\n]*\p{L}[^"\n]*"/u,
  /“[^“”\n]*\p{L}[^“”\n]*”/u,
  /„[^„“”\n]*\p{L}[^„“”\n]*[“”]/u,
  /«[^«»\n]*\p{L}[^«»\n]*»/u,
  /‘[^‘’\n]*\s[^‘’\n]*’/u,
  /(?<![\p{L}\p{N}])'[^'\n]*\s[^'\n]*'(?![\p{L}\p{N}])/u,
];

const hasQuotation = (text: string): boolean => QUOTATIONS.some((q) => q.test(text));

/** Words (and one phrase) that stand for "everyone" in a criterion. */
const CATCH_ALL_WORDS: readonly string[] = [
  'any',
  'all',
  'various',
  'etc',
  'everyone',
  'everybody',
  'anyone',
  'anything',
  'whatever',
  'and more',
  'other',
  'others',
  'misc',
  'miscellaneous',
];

/** A whole word: no letter, digit, apostrophe or hyphen on either side ("Allianz", "all-in-one" pass). */
const wholeWords = (alternatives: readonly string[], flags: string): RegExp =>
  new RegExp(
    `(?<![\\p{L}\\p{N}'’-])(?:${alternatives.map((a) => a.replace(/ /g, '\\s+')).join('|')})(?![\\p{L}\\p{N}'’-])`,
    `${flags}u`,
  );

const CATCH_ALL = wholeWords(CATCH_ALL_WORDS, 'i');

/** Lists where a catch-all widens the profile (a disqualifier's "any" narrows it, so it is left alone). */
const CATCH_ALL_SECTIONS = ['industries', 'geographies', 'technologies', 'buyingTriggers'] as const;

/** Functions that precede a title ("Sales manager", "IT director"); "Tag Manager" is a tool. */
const TITLE_FUNCTIONS =
  'sales|marketing|product|it|hr|finance|financial|operations|ops|engineering|procurement|purchasing|revenue|people|data|security|technology|account|project|program|general|office|community|brand|growth|customer success';

/** Job titles and individual traits: people, not companies. */
const PERSONA_PATTERNS: readonly RegExp[] = [
  /\b(?:ceo|cfo|cto|coo|cmo|cio|ciso|vp|svp|evp)s?\b/i,
  /\bc-(?:level|suite)\b/i,
  /\bchief(?: [a-z]+){1,2} officers?\b/i,
  /\bvice[- ]presidents?\b/i,
  /\b(?:heads?|directors?) of\b/i,
  new RegExp(`\\b(?:${TITLE_FUNCTIONS}) (?:managers?|directors?|leads?|leaders?)\\b`, 'i'),
  /\bmanagers\b/i,
  /\b(?:co-?)?founders?\b(?![- ]led)/i,
  /\bmarketers?\b/i,
  /\bdecision[- ]makers?\b/i,
  /\b(?:buyer )?personas?\b/i,
  /\byears? old\b/i,
  /\b(?:millennials?|gen[- ]?[xyz]|boomers?|zoomers?)\b/i,
  /\b(?:male|female|gender|(?:wo)?men(?!['’]s))\b/i,
];

const PERSONA_SECTIONS = ['industries', 'geographies', 'technologies'] as const;

/** Phrases any company could write about any customer: they say nothing about this one. */
const GENERIC_PHRASE_SOURCES: readonly string[] = [
  'improv(?:e|es|ed|ing)(?: the| their| our)? (?:efficiency|productivity|performance|processes|results|customer experience|collaboration|communication|visibility)',
  'increas(?:e|es|ed|ing)(?: the| their| our)? (?:efficiency|productivity|revenue|sales|roi|profits?|profitability)',
  'boost(?:s|ed|ing)?(?: the| their| our)? (?:efficiency|productivity|revenue|sales|growth)',
  'sav(?:e|es|ed|ing) (?:time|money)',
  '(?:reduc(?:e|es|ed|ing)|cut(?:s|ting)?|lower(?:s|ed|ing)?)(?: the| their| our)? costs?',
  'grow(?:s|ing)? (?:the|their|our) business',
  'grow(?:s|ing)? revenue',
  'streamlin(?:e|es|ed|ing)(?: the| their| our)? (?:processes|operations|workflows?)',
  'driv(?:e|es|ing) (?:growth|results|revenue|efficiency)',
  'maximi[sz](?:e|es|ing)(?: the| their| our)? (?:roi|value|efficiency)',
  'better (?:results|outcomes|decisions)',
  'stay(?:s|ing)? (?:competitive|ahead)',
  'digital transformation',
  'work(?:ing)? smarter',
  'best[- ]in[- ]class',
  'world[- ]class',
  'cutting[- ]edge',
  'state[- ]of[- ]the[- ]art',
  'industry[- ]leading',
  'next[- ]generation',
  'end[- ]to[- ]end',
  'seamless(?:ly)?',
  'innovative solutions?',
  'synerg(?:y|ies)',
];

const GENERIC_PHRASES = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${GENERIC_PHRASE_SOURCES.join('|')})(?![\\p{L}\\p{N}])`,
  'giu',
);

/** Words that carry no meaning of their own when judging how generic a narrative is. */
const STOPWORDS = new Set(
  (
    'a an the and or but to of in on for with by at from as so than then into onto across through ' +
    'their our they them we us it its this that these those is are be was were been being ' +
    'want wants wanted need needs needed looking look help helps can could would should will ' +
    'do does did have has had get gets more most very much many also just really all every each ' +
    'who which what how while not no'
  ).split(' '),
);

const contentWords = (text: string): string[] =>
  (text.toLowerCase().match(/\p{L}[\p{L}'’-]*/gu) ?? []).filter((w) => !STOPWORDS.has(w));

/** The generic phrases of a text (as written) when they make up most of it, else null. */
function genericPhrasesOf(text: string): string[] | null {
  const phrases = [...text.matchAll(GENERIC_PHRASES)].map((m) => m[0]);
  if (phrases.length === 0) return null;
  const all = contentWords(text).length;
  const rest = contentWords(text.replace(GENERIC_PHRASES, ' ')).length;
  if (all === 0 || (all - rest) / all < GENERIC_SHARE - EPSILON) return null;
  return [...new Map(phrases.map((p) => [p.toLowerCase(), p])).values()];
}

// ---------- wording helpers ----------

const quote = (text: string): string => {
  const clean = text.replace(/\s+/g, ' ').trim();
  return `"${clean.length > MAX_QUOTE_LENGTH ? `${clean.slice(0, MAX_QUOTE_LENGTH - 1)}…` : clean}"`;
};

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });
const oneDecimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

const percent = (share: number): string => `${Math.round(share * 100)}%`;
const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

function rangeText(key: RangeSectionKey, range: RangeValue): string {
  const money = sectionOf(key).unit === 'money';
  const n = (v: number | null) => (v === null ? '?' : money ? compact.format(v) : grouped.format(v));
  return money
    ? `${range.currency ?? 'USD'} ${n(range.min)}–${n(range.max)}`
    : `${n(range.min)}–${n(range.max)} employees`;
}

/** A subject as a finding key holds it: case, quotes and spacing do not matter. */
function normalizeSubject(subject: string): string {
  return subject
    .normalize('NFKC')
    .toLowerCase()
    .replace(/["“”„«»‘’']/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_SUBJECT_LENGTH);
}

type Report = (finding: Pick<CoachFinding, 'section' | 'subject' | 'message' | 'fix'>) => void;

/** A rule from its description and a detector that reports what it finds. */
function defineRule(
  meta: Omit<CoachRule, 'check'>,
  detect: (input: CoachInput, report: Report) => void,
): CoachRule {
  return {
    ...meta,
    check(input) {
      const findings: CoachFinding[] = [];
      detect(input, ({ section, subject, message, fix }) =>
        findings.push({
          ruleId: meta.id,
          severity: meta.severity,
          practice: meta.practice,
          section,
          subject: normalizeSubject(subject),
          message,
          fix,
        }),
      );
      return findings;
    },
  };
}

// ---------- vague ----------

export const noIndustriesRule = defineRule(
  {
    id: 'vague-no-industries',
    severity: 'warning',
    practice: 'vague',
    title: 'No industry named',
    sections: ['industries'],
  },
  ({ canonical }, report) => {
    if (listItems(canonical, 'industries').length > 0) return;
    report({
      section: 'industries',
      subject: '',
      message: 'No industry is named: the profile does not say which kind of company it is about.',
      fix: 'Name the two to five verticals you win in, e.g. "Fintech" or "Logistics & supply chain".',
    });
  },
);

export const tooManyIndustriesRule = defineRule(
  {
    id: 'vague-too-many-industries',
    severity: 'warning',
    practice: 'vague',
    title: 'Too many industries',
    sections: ['industries'],
  },
  ({ canonical }, report) => {
    const items = listItems(canonical, 'industries');
    if (items.length <= MAX_INDUSTRIES) return;
    const sample = items
      .slice(0, 3)
      .map((i) => quote(i.text))
      .join(', ');
    report({
      section: 'industries',
      subject: '',
      message: `${items.length} industries are listed (${sample}…): a profile that fits every vertical describes none of them.`,
      fix: `Keep the two to five where you win most often and biggest; give a truly different segment its own ICP.`,
    });
  },
);

const CATCH_ALL_FIXES: Record<(typeof CATCH_ALL_SECTIONS)[number], string> = {
  industries: 'Name the kind of company you win with instead, e.g. "Fintech" or "Regional banks".',
  geographies: 'Name where you can sell, serve and support today, e.g. "DACH" or "United States".',
  technologies: 'Name the tools that signal fit, e.g. "Salesforce" or "Snowflake".',
  buyingTriggers: 'Name a concrete event, e.g. "Hired a new VP of Sales in the last 6 months".',
};

export const catchAllCriterionRule = defineRule(
  {
    id: 'vague-catch-all',
    forNegative: true,
    severity: 'warning',
    practice: 'vague',
    title: 'Catch-all criterion',
    sections: CATCH_ALL_SECTIONS,
  },
  ({ canonical }, report) => {
    for (const section of CATCH_ALL_SECTIONS) {
      for (const item of listItems(canonical, section)) {
        const match = CATCH_ALL.exec(item.text);
        if (!match) continue;
        report({
          section,
          subject: item.text,
          message: `${quote(item.text)} is a catch-all ("${match[0].replace(/\s+/g, ' ')}"): it does not narrow the market.`,
          fix: CATCH_ALL_FIXES[section],
        });
      }
    }
  },
);

const RANGE_FIXES: Record<RangeSectionKey, { missing: string; wide: string; noun: string }> = {
  employees: {
    noun: 'employee band',
    missing: 'Set the band most of your best customers fall in, e.g. 200 to 1,000 employees.',
    wide: 'Narrow it to where your best customers cluster (e.g. 200–1,000), or split it into two ICPs.',
  },
  revenue: {
    noun: 'revenue band',
    missing: 'Set the revenue band of your best-fit customers in one currency, e.g. USD 10M–100M.',
    wide: 'Narrow it to where your best customers cluster (e.g. USD 10M–100M), or split it into two ICPs.',
  },
};

export const missingRangeRule = defineRule(
  {
    id: 'vague-range-missing',
    severity: 'warning',
    practice: 'vague',
    title: 'Size or revenue band missing',
    sections: RANGE_KEYS,
  },
  ({ canonical }, report) => {
    for (const key of RANGE_KEYS) {
      if (rangeIsSet(rangeValue(canonical, key))) continue;
      report({
        section: key,
        subject: '',
        message: `No ${RANGE_FIXES[key].noun} is set: nobody can filter a CRM by this profile.`,
        fix: RANGE_FIXES[key].missing,
      });
    }
  },
);

export const wideRangeRule = defineRule(
  {
    id: 'vague-range-too-wide',
    forNegative: true,
    severity: 'warning',
    practice: 'vague',
    title: 'Band spans orders of magnitude',
    sections: RANGE_KEYS,
  },
  ({ canonical }, report) => {
    for (const key of RANGE_KEYS) {
      const range = rangeValue(canonical, key);
      // Only a band with two positive bounds has a ratio; a missing bound is another rule's business.
      if (range.min === null || range.max === null || range.min <= 0) continue;
      const ratio = range.max / range.min;
      if (ratio <= MAX_RANGE_RATIO + EPSILON) continue;
      report({
        section: key,
        subject: '',
        message: `The ${RANGE_FIXES[key].noun}, ${rangeText(key, range)}, spans a factor of ${grouped.format(ratio)}: over two orders of magnitude, it mixes very different companies.`,
        fix: RANGE_FIXES[key].wide,
      });
    }
  },
);

const GENERIC_SECTIONS = ['goals', 'challenges', 'painPoints', 'valueWeBring'] as const;

const GENERIC_EXAMPLES: Record<(typeof GENERIC_SECTIONS)[number], string> = {
  goals: 'e.g. "grow qualified pipeline 30% in FY26 without hiring more SDRs"',
  challenges: 'e.g. "two of five AEs spend Fridays cleaning CRM data"',
  painPoints: 'e.g. "we only find out a deal slipped at the forecast call"',
  valueWeBring: 'e.g. "forecast accuracy from ±25% to ±10% within two quarters"',
};

export const genericNarrativeRule = defineRule(
  {
    id: 'vague-generic-narrative',
    severity: 'hint',
    practice: 'vague',
    title: 'Generic narrative',
    sections: GENERIC_SECTIONS,
  },
  ({ canonical }, report) => {
    for (const section of GENERIC_SECTIONS) {
      const text = narrativeText(canonical, section);
      if (text.length === 0 || NUMBER.test(text) || hasQuotation(text)) continue;
      if (hasBlockQuote(narrativeNode(canonical, section))) continue;
      const phrases = genericPhrasesOf(text);
      if (!phrases) continue;
      report({
        section,
        subject: '',
        message: `${sectionOf(section).title} reads as generic (${phrases
          .slice(0, 3)
          .map(quote)
          .join(', ')}), with no number and no customer quote: any company could have written it.`,
        fix: `Say it the way this customer measures it, with a number or their own words, ${GENERIC_EXAMPLES[section]}.`,
      });
    }
  },
);

export const broadMatchRule = defineRule(
  {
    id: 'vague-matches-most-accounts',
    severity: 'warning',
    practice: 'vague',
    title: 'Matches most of the market',
    sections: null,
  },
  ({ dataset }, report) => {
    const share = dataset?.matchShareOfAll;
    if (share === null || share === undefined || !(share > MAX_MATCH_SHARE + EPSILON)) return;
    report({
      section: null,
      subject: '',
      message: `The profile matches ${percent(share)} of all accounts in the dataset: it barely narrows the market.`,
      fix: `Tighten the criteria that match the most accounts (broad industries, wide bands) until it matches under ${percent(MAX_MATCH_SHARE)} of all accounts and still most of your best customers.`,
    });
  },
);

// ---------- static ----------

const parseTime = (iso: string | null): number | null => {
  if (!iso) return null;
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? ms : null;
};

const isOverdue = ({ review, now }: CoachInput): boolean => {
  const due = parseTime(review.dueAt);
  return due !== null && due < now;
};

export const reviewOverdueRule = defineRule(
  {
    id: 'static-review-overdue',
    forNegative: true,
    severity: 'warning',
    practice: 'static',
    title: 'Review overdue',
    sections: null,
  },
  (input, report) => {
    if (!isOverdue(input)) return;
    const due = parseTime(input.review.dueAt)!;
    const late = Math.floor((input.now - due) / DAY_MS);
    report({
      section: null,
      subject: isoDay(due),
      message: `The review of this ICP was due on ${isoDay(due)}${late > 0 ? `, ${plural(late, 'day')} ago` : ''}.`,
      fix: 'Revisit it with all four functions: check the criteria against recent wins and losses, then request sign-off on a new version (or re-approve this one).',
    });
  },
);

export const staleApprovalRule = defineRule(
  {
    id: 'static-approval-stale',
    forNegative: true,
    severity: 'warning',
    practice: 'static',
    title: 'Approved version older than its cadence',
    sections: null,
  },
  (input, report) => {
    const { review, now } = input;
    const approved = parseTime(review.approvedAt);
    const interval = review.intervalDays;
    // An overdue review already says it; this one speaks when no due date tells the story.
    if (approved === null || interval === null || interval <= 0 || isOverdue(input)) return;
    if (approved + interval * DAY_MS >= now) return;
    const age = Math.floor((now - approved) / DAY_MS);
    const due = parseTime(review.dueAt);
    report({
      section: null,
      subject: isoDay(approved),
      message: `The approved version is ${plural(age, 'day')} old, past the ${interval}-day review cadence, and ${
        due === null ? 'no review is scheduled' : `the next review is not until ${isoDay(due)}`
      }.`,
      fix: 'Schedule the review now rather than later: an ICP that is not revisited silently drifts from the market and the product.',
    });
  },
);

/**
 * Whether a criterion's statistics moved enough since approval to speak of drift: the lift by more
 * than LIFT_DRIFT_RELATIVE of its value then (from 0, any rise), the coverage by more than
 * COVERAGE_DRIFT_POINTS.
 */
export function driftExceedsThreshold({ before, after, measure }: CoachDrift): boolean {
  if (!Number.isFinite(before) || !Number.isFinite(after)) return false;
  if (measure === 'lift') {
    const relative = before > 0 ? Math.abs(after - before) / before : after > 0 ? Infinity : 0;
    return relative > LIFT_DRIFT_RELATIVE + EPSILON;
  }
  return Math.abs(after - before) > COVERAGE_DRIFT_POINTS + EPSILON;
}

export const dataDriftRule = defineRule(
  {
    id: 'static-drift-since-approval',
    severity: 'warning',
    practice: 'static',
    title: 'Data drifted since approval',
    sections: null,
  },
  ({ dataset }, report) => {
    for (const drift of dataset?.driftSinceApproval ?? []) {
      if (!driftExceedsThreshold(drift)) continue;
      const { criterion, before, after, measure } = drift;
      const fell = after < before;
      if (measure === 'lift') {
        report({
          section: null,
          subject: `${measure} ${criterion}`,
          message: `The lift of ${quote(criterion)} ${fell ? 'fell' : 'rose'} from ${oneDecimal.format(before)} to ${oneDecimal.format(after)} since the approved version.`,
          fix: fell
            ? `Check whether ${quote(criterion)} still sets your best customers apart; near or below 1, drop it or make it a disqualifier, then approve a new version.`
            : `${quote(criterion)} marks your best customers more strongly than before: consider weighting it higher, then approve a new version.`,
        });
      } else {
        report({
          section: null,
          subject: `${measure} ${criterion}`,
          message: `${quote(criterion)} now matches ${percent(after)} of your best customers, ${fell ? 'down' : 'up'} from ${percent(before)} when the version was approved.`,
          fix: fell
            ? 'Fewer best customers fit it: reword or loosen it, or check whether your best customers have changed, then approve a new version.'
            : 'More best customers fit it now: check it still narrows the market before relying on it, then approve a new version.',
        });
      }
    }
  },
);

// ---------- ivory tower ----------

/** What each function sees that the others miss. */
const FUNCTION_VIEWS: Record<IcpFunction, string> = {
  sales: 'why deals are won and lost',
  marketing: 'which messages and channels reach these buyers',
  product: 'how customers use the product and what they ask for',
  customer_success: 'which customers stay, expand and renew',
};

/** Functions that contributed to each section, in FUNCTIONS order. */
function functionsBySection(contributions: readonly CoachContribution[]): Map<SectionKey, IcpFunction[]> {
  const seen = new Map<SectionKey, Set<IcpFunction>>();
  for (const c of contributions) {
    if (!(c.count > 0) || c.section === null) continue;
    const set = seen.get(c.section) ?? new Set<IcpFunction>();
    set.add(c.function);
    seen.set(c.section, set);
  }
  return new Map([...seen].map(([section, set]) => [section, FUNCTIONS.filter((f) => set.has(f))]));
}

export const singleFunctionSectionRule = defineRule(
  {
    id: 'ivory-tower-single-function-section',
    forNegative: true,
    severity: 'hint',
    practice: 'ivoryTower',
    title: 'Section written by one function',
    sections: ICP_SECTIONS.map((s) => s.key),
  },
  ({ contributions }, report) => {
    if (!contributions) return;
    const bySection = functionsBySection(contributions);
    for (const { key, title } of ICP_SECTIONS) {
      const fns = bySection.get(key);
      if (!fns || fns.length !== 1) continue;
      const only = fns[0]!;
      const others = FUNCTIONS.filter((f) => f !== only).map((f) => FUNCTION_LABELS[f]);
      report({
        section: key,
        subject: only,
        message: `Only ${FUNCTION_LABELS[only]} contributed to ${title}.`,
        fix: `Ask ${others.slice(0, -1).join(', ')} or ${others[others.length - 1]} to add or challenge it: each function sees the customer at a different stage.`,
      });
    }
  },
);

export const missingFunctionRule = defineRule(
  {
    id: 'ivory-tower-missing-function',
    forNegative: true,
    severity: 'warning',
    practice: 'ivoryTower',
    title: 'Function missing',
    sections: null,
  },
  ({ contributions }, report) => {
    if (!contributions) return;
    const present = new Set(contributions.filter((c) => c.count > 0).map((c) => c.function));
    for (const fn of FUNCTIONS) {
      if (present.has(fn)) continue;
      report({
        section: null,
        subject: fn,
        message: `${FUNCTION_LABELS[fn]} has not contributed anywhere in this ICP.`,
        fix: `Invite someone from ${FUNCTION_LABELS[fn]} to add to it or comment: they know ${FUNCTION_VIEWS[fn]}.`,
      });
    }
  },
);

// ---------- data-only and opinion-only ----------

export const noCustomerWordsRule = defineRule(
  {
    id: 'data-only-no-customer-words',
    severity: 'warning',
    practice: 'dataOnly',
    title: 'No customer words',
    sections: ['painPoints'],
  },
  ({ canonical }, report) => {
    const filled =
      LIST_KEYS.filter((k) => listItems(canonical, k).length > 0).length +
      RANGE_KEYS.filter((k) => rangeIsSet(rangeValue(canonical, k))).length;
    if (filled < DATA_ONLY_MIN_STRUCTURED_SECTIONS) return;
    const quoted = NARRATIVE_KEYS.some(
      (k) => hasQuotation(narrativeText(canonical, k)) || hasBlockQuote(narrativeNode(canonical, k)),
    );
    if (quoted) return;
    report({
      section: 'painPoints',
      subject: '',
      message: `Criteria fill ${plural(filled, 'section')}, but no narrative quotes a customer: the profile says who buys, not why.`,
      fix: 'Quote customers from interviews, calls or reviews in Pain points or Goals (in quotation marks or as a block quote), in their own words.',
    });
  },
);

export const noNumbersRule = defineRule(
  {
    id: 'opinion-only-no-numbers',
    severity: 'warning',
    practice: 'opinionOnly',
    title: 'No numbers or data',
    sections: ['evidence'],
  },
  ({ canonical }, report) => {
    const texts = NARRATIVE_KEYS.map((k) => narrativeText(canonical, k));
    // An empty profile is vague, not opinionated: the rule waits for someone to write something.
    if (texts.every((t) => t.length === 0)) return;
    if (texts.some((t) => NUMBER.test(t))) return;
    const ranges = RANGE_KEYS.map((k) => rangeValue(canonical, k));
    if (ranges.some((r) => rangeIsSet(r) || r.evidence)) return;
    if (LIST_KEYS.some((k) => listItems(canonical, k).some((i) => i.evidence))) return;
    report({
      section: 'evidence',
      subject: '',
      message:
        'There is no number anywhere: no size or revenue band, no metric in the narrative, and no criterion backed by a dataset.',
      fix: 'Add the numbers behind the profile: size and revenue bands, and in Evidence the LTV, NPS or win rate of the customers it describes; or add criteria from a dataset\u2019s insights.',
    });
  },
);

// ---------- persona-first ----------

export const personaInFirmographicsRule = defineRule(
  {
    id: 'persona-first-person-in-firmographics',
    forNegative: true,
    severity: 'hint',
    practice: 'personaFirst',
    title: 'Person in a company criterion',
    sections: PERSONA_SECTIONS,
  },
  ({ canonical }, report) => {
    for (const section of PERSONA_SECTIONS) {
      for (const item of listItems(canonical, section)) {
        const match = PERSONA_PATTERNS.map((p) => p.exec(item.text)).find((m) => m !== null);
        if (!match) continue;
        report({
          section,
          subject: item.text,
          message: `${quote(item.text)} describes a person ("${match[0]}"), not a company.`,
          fix: 'Keep this section about companies (e.g. "Regional banks, 500–5,000 employees"); note the buying committee in Notes. Personas come after the ICP and hang off it.',
        });
      }
    }
  },
);

// ---------- the rules, in the order findings of one section are shown ----------

export const COACH_RULES: readonly CoachRule[] = [
  noIndustriesRule,
  tooManyIndustriesRule,
  catchAllCriterionRule,
  personaInFirmographicsRule,
  missingRangeRule,
  wideRangeRule,
  genericNarrativeRule,
  broadMatchRule,
  reviewOverdueRule,
  staleApprovalRule,
  dataDriftRule,
  missingFunctionRule,
  singleFunctionSectionRule,
  noCustomerWordsRule,
  noNumbersRule,
];

const SECTION_ORDER = new Map<string, number>(ICP_SECTIONS.map((s, i) => [s.key, i]));

/**
 * Every finding for an ICP: ICP-wide findings first, then by section in page order; within a
 * section by rule order, and within a rule in the order it found them (criteria in list order).
 */
export function evaluateCoach(input: CoachInput, rules: readonly CoachRule[] = COACH_RULES): CoachFinding[] {
  const applying = input.kind === 'negative' ? rules.filter((rule) => rule.forNegative) : rules;
  const ranked = applying.flatMap((rule, ruleIndex) =>
    rule.check(input).map((finding, index) => ({ finding, ruleIndex, index })),
  );
  const sectionIndex = (f: CoachFinding) => (f.section === null ? -1 : (SECTION_ORDER.get(f.section) ?? -1));
  ranked.sort(
    (a, b) =>
      sectionIndex(a.finding) - sectionIndex(b.finding) || a.ruleIndex - b.ruleIndex || a.index - b.index,
  );
  return ranked.map((r) => r.finding);
}

/**
 * A stable key for a finding (rule, section and normalised subject), so a dismissal can refer to
 * it: edits elsewhere in the ICP, or to its wording, do not change it.
 */
export function findingKey(finding: Pick<CoachFinding, 'ruleId' | 'section' | 'subject'>): string {
  return `${finding.ruleId}:${finding.section ?? '*'}:${normalizeSubject(finding.subject)}`;
}
