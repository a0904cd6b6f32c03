import { contributionsForCoach } from './coachReview.js';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addListItem, fragmentOf, writeRange } from '../icp/accessors.js';
import { toCanonical, type CanonicalIcp } from '../icp/canonical.js';
import { ICP_SECTIONS, type ListSectionKey, type RichTextSectionKey } from '../icp/layout.js';
import { FUNCTIONS } from '../logic/roles.js';
import { testEvidence } from '../testing/evidence.js';
import {
  COACH_RULES,
  evaluateCoach,
  findingKey,
  type CoachContribution,
  type CoachFinding,
  type CoachInput,
} from './coachRules.js';

// ---------- helpers ----------

const NOW = Date.parse('2026-06-01T12:00:00.000Z');
const DAY = 24 * 60 * 60 * 1000;
const daysAgo = (n: number) => new Date(NOW - n * DAY).toISOString();

function paragraph(text: string): Y.XmlElement {
  const p = new Y.XmlElement('paragraph');
  const t = new Y.XmlText();
  t.insert(0, text);
  p.insert(0, [t]);
  return p;
}

function blockquote(text: string): Y.XmlElement {
  const q = new Y.XmlElement('blockquote');
  q.insert(0, [paragraph(text)]);
  return q;
}

/** Appends paragraphs (or ready-made blocks) to a narrative section. */
function write(doc: Y.Doc, key: RichTextSectionKey, ...blocks: (string | Y.XmlElement)[]): void {
  const fragment = fragmentOf(doc, key);
  fragment.insert(
    fragment.length,
    blocks.map((b) => (typeof b === 'string' ? paragraph(b) : b)),
  );
}

function list(doc: Y.Doc, key: ListSectionKey, ...texts: string[]): void {
  for (const text of texts) addListItem(doc, key, text);
}

/** A document built by `edit`, as canonical JSON. */
function icp(edit: (doc: Y.Doc) => void = () => {}): CanonicalIcp {
  const doc = new Y.Doc();
  edit(doc);
  return toCanonical(doc);
}

const ALL_FUNCTIONS_EVERYWHERE: CoachContribution[] = ICP_SECTIONS.flatMap((s) =>
  FUNCTIONS.map((fn) => ({ section: s.key, function: fn, count: 2 })),
);

function input(canonical: CoachInput['canonical'], overrides: Partial<CoachInput> = {}): CoachInput {
  return {
    canonical,
    now: NOW,
    review: { intervalDays: null, dueAt: null, approvedAt: null },
    contributions: null,
    dataset: null,
    ...overrides,
  };
}

const ruleById = (id: string) => {
  const rule = COACH_RULES.find((r) => r.id === id);
  if (!rule) throw new Error(`no rule ${id}`);
  return rule;
};

/** Findings of one rule alone. */
const check = (id: string, coachInput: CoachInput): CoachFinding[] => ruleById(id).check(coachInput);

/** A well-written, specific ICP: every section filled the way the primer asks. */
function writeGoodIcp(doc: Y.Doc): void {
  list(doc, 'industries', 'Fintech', 'Regional banks', 'Insurance');
  writeRange(doc, 'employees', { min: 200, max: 2000 });
  writeRange(doc, 'revenue', { min: 20_000_000, max: 500_000_000, currency: 'EUR' });
  list(doc, 'geographies', 'DACH', 'Nordics', 'Benelux');
  list(doc, 'technologies', 'Salesforce', 'Snowflake', 'Google Tag Manager');
  list(doc, 'buyingTriggers', 'Hired a new VP of Sales in the last 6 months', 'Raised a Series B or later');
  list(doc, 'disqualifiers', 'No dedicated sales team', 'Any account under 50 employees');
  write(
    doc,
    'goals',
    'Grow qualified pipeline 30% in FY26 without hiring more SDRs, and pass the BaFin audit of their sales process.',
  );
  write(
    doc,
    'challenges',
    'Two of five AEs spend Fridays cleaning CRM data; forecasts are built in spreadsheets outside Salesforce.',
  );
  write(
    doc,
    'painPoints',
    'Deals slip without warning.',
    blockquote('We only find out a deal slipped at the forecast call. — Head of Sales, a Munich bank'),
  );
  write(doc, 'wateringHoles', 'Finextra, the Pavilion DACH chapter, SaaStr Europa and the RevGenius Slack.');
  write(
    doc,
    'valueWeBring',
    'Forecast accuracy from ±25% to ±10% within two quarters; 4 hours a week back for every AE.',
  );
  write(
    doc,
    'evidence',
    'Top 25% of customers by LTV (n = 118): NPS 61, win rate 38% vs 17% overall. 12 interviews in Q1.',
  );
  write(doc, 'notes', 'Buying committee: CRO, RevOps lead, CFO for deals over EUR 100k.');
}

/** Everything a well-run ICP would show: recent approval, all four functions, data that holds. */
function goodInput(canonical: CanonicalIcp = icp(writeGoodIcp)): CoachInput {
  return input(canonical, {
    review: { intervalDays: 90, approvedAt: daysAgo(30), dueAt: new Date(NOW + 60 * DAY).toISOString() },
    contributions: ALL_FUNCTIONS_EVERYWHERE,
    dataset: {
      matchShareOfAll: 0.18,
      driftSinceApproval: [
        { criterion: 'Fintech', before: 2.1, after: 2.3, measure: 'lift' },
        { criterion: 'Fintech', before: 0.38, after: 0.41, measure: 'coverage' },
      ],
    },
  });
}

// ---------- the rules as data ----------

describe('COACH_RULES', () => {
  it('have unique ids, a title, and a practice and severity each', () => {
    const ids = COACH_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of COACH_RULES) {
      expect(rule.title.length).toBeGreaterThan(0);
      expect(['hint', 'warning']).toContain(rule.severity);
    }
    expect(new Set(COACH_RULES.map((r) => r.practice))).toEqual(
      new Set(['vague', 'static', 'ivoryTower', 'dataOnly', 'opinionOnly', 'personaFirst']),
    );
  });
});

// ---------- vague ----------

describe('vague-no-industries', () => {
  it('fires when no industry is named', () => {
    const [finding] = check('vague-no-industries', input(icp()));
    expect(finding).toMatchObject({ section: 'industries', severity: 'warning', practice: 'vague' });
  });

  it('stays quiet once one is named', () => {
    expect(check('vague-no-industries', input(icp((d) => list(d, 'industries', 'Fintech'))))).toEqual([]);
  });
});

describe('vague-too-many-industries', () => {
  const industries = [
    'Fintech',
    'Insurance',
    'Healthcare',
    'Retail',
    'Logistics',
    'Education',
    'Media',
    'Energy',
  ];

  it('fires above eight industries, saying how many', () => {
    const findings = check(
      'vague-too-many-industries',
      input(icp((d) => list(d, 'industries', ...industries, 'Real estate'))),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toContain('9 industries');
    expect(findings[0]!.message).toContain('"Fintech"');
  });

  it('accepts exactly eight', () => {
    expect(
      check('vague-too-many-industries', input(icp((d) => list(d, 'industries', ...industries)))),
    ).toEqual([]);
  });
});

describe('vague-catch-all', () => {
  it('quotes the criterion and names the catch-all word', () => {
    const [finding] = check(
      'vague-catch-all',
      input(icp((d) => list(d, 'industries', 'Fintech', 'Any company with a CRM'))),
    );
    expect(finding).toMatchObject({ section: 'industries', subject: 'any company with a crm' });
    expect(finding!.message).toBe(
      '"Any company with a CRM" is a catch-all ("Any"): it does not narrow the market.',
    );
    expect(finding!.fix).toContain('"Fintech"');
  });

  it.each([
    ['All industries', 'All'],
    ['Various verticals', 'Various'],
    ['Banks, insurers, etc.', 'etc'],
    ['Banks, insurers, etc', 'etc'],
    ['EVERYONE who sells', 'EVERYONE'],
    ['Anything digital', 'Anything'],
    ['SaaS and more', 'and more'],
    ['SaaS and  more', 'and more'],
    ['Other', 'Other'],
    ['Other financial services', 'Other'],
  ])('fires on %j (whole word "%s", any case)', (text, word) => {
    const [finding] = check('vague-catch-all', input(icp((d) => list(d, 'industries', text))));
    expect(finding?.message).toContain(`("${word}")`);
  });

  it.each([
    'Insurers like Allianz',
    'Etcetera Ltd resellers',
    'All-in-one suite vendors',
    'Small businesses',
    'Company builders',
    'Mother & baby retail',
    'Anytime Fitness franchisees',
    'Manyfold-style marketplaces',
    'Othello game studios',
  ])('does not fire on the near miss %j', (text) => {
    expect(check('vague-catch-all', input(icp((d) => list(d, 'industries', text))))).toEqual([]);
  });

  it('checks geographies, technologies and triggers with advice for each', () => {
    const findings = check(
      'vague-catch-all',
      input(
        icp((d) => {
          list(d, 'geographies', 'All of Europe');
          list(d, 'technologies', 'Salesforce or any CRM');
          list(d, 'buyingTriggers', 'Any funding round');
        }),
      ),
    );
    expect(findings.map((f) => f.section)).toEqual(['geographies', 'technologies', 'buyingTriggers']);
    expect(findings[0]!.fix).toContain('DACH');
    expect(findings[1]!.fix).toContain('Salesforce');
    expect(findings[2]!.fix).toContain('VP of Sales');
  });

  it('leaves disqualifiers alone: "any" narrows an exclusion', () => {
    expect(
      check(
        'vague-catch-all',
        input(icp((d) => list(d, 'disqualifiers', 'Any company without a sales team'))),
      ),
    ).toEqual([]);
  });
});

describe('vague-range-missing', () => {
  it('fires for each band with neither bound', () => {
    const findings = check('vague-range-missing', input(icp()));
    expect(findings.map((f) => f.section)).toEqual(['employees', 'revenue']);
    expect(findings[0]!.fix).toContain('200 to 1,000 employees');
  });

  it('is satisfied by one bound (a missing bound is not a missing band)', () => {
    const findings = check(
      'vague-range-missing',
      input(
        icp((d) => {
          writeRange(d, 'employees', { min: 200 });
          writeRange(d, 'revenue', { max: 50_000_000 });
        }),
      ),
    );
    expect(findings).toEqual([]);
  });
});

describe('vague-range-too-wide', () => {
  it('fires beyond two orders of magnitude, showing the band and the ratio', () => {
    const findings = check(
      'vague-range-too-wide',
      input(
        icp((d) => {
          writeRange(d, 'employees', { min: 10, max: 50_000 });
          writeRange(d, 'revenue', { min: 1_000_000, max: 500_000_000, currency: 'USD' });
        }),
      ),
    );
    expect(findings.map((f) => f.section)).toEqual(['employees', 'revenue']);
    expect(findings[0]!.message).toBe(
      'The employee band, 10–50,000 employees, spans a factor of 5,000: over two orders of magnitude, it mixes very different companies.',
    );
    expect(findings[1]!.message).toContain('revenue band, USD 1M–500M, spans a factor of 500');
  });

  it('fires just past 100×', () => {
    const canonical = icp((d) => writeRange(d, 'employees', { min: 10, max: 1001 }));
    expect(check('vague-range-too-wide', input(canonical))).toHaveLength(1);
  });

  it('accepts exactly two orders of magnitude, one-sided bands and a zero minimum', () => {
    expect(
      check('vague-range-too-wide', input(icp((d) => writeRange(d, 'employees', { min: 10, max: 1000 })))),
    ).toEqual([]);
    expect(check('vague-range-too-wide', input(icp((d) => writeRange(d, 'employees', { min: 10 }))))).toEqual(
      [],
    );
    expect(
      check('vague-range-too-wide', input(icp((d) => writeRange(d, 'revenue', { min: 0, max: 5_000_000 })))),
    ).toEqual([]);
  });
});

describe('vague-generic-narrative', () => {
  it('fires on boilerplate, quoting the phrases', () => {
    const [finding] = check(
      'vague-generic-narrative',
      input(icp((d) => write(d, 'goals', 'Improve efficiency, save time and reduce costs.'))),
    );
    expect(finding).toMatchObject({ section: 'goals', severity: 'hint' });
    expect(finding!.message).toContain('"Improve efficiency", "save time", "reduce costs"');
    expect(finding!.fix).toContain('30%');
  });

  it.each([
    ['challenges', 'They struggle to streamline processes and grow the business.'],
    ['painPoints', 'They need to increase revenue and drive growth with best-in-class tools.'],
    ['valueWeBring', 'We help them save time and work smarter.'],
  ] as const)('checks %s too', (section, text) => {
    const findings = check('vague-generic-narrative', input(icp((d) => write(d, section, text))));
    expect(findings.map((f) => f.section)).toEqual([section]);
  });

  it.each([
    ['a number', 'Improve efficiency and save 5 hours a week per AE.'],
    ['a straight quote', 'They told us: "we just want to save time and reduce costs".'],
    ['a curly quote', 'In their words: “save time, reduce costs”.'],
    ['a single-quoted phrase', "Their CFO keeps asking to 'reduce costs this year' and save time."],
    [
      'mostly specific words',
      'Replace spreadsheet quota planning before the board review; improve efficiency of RevOps.',
    ],
  ])('is not generic with %s', (_what, text) => {
    expect(check('vague-generic-narrative', input(icp((d) => write(d, 'goals', text))))).toEqual([]);
  });

  it('counts a block quote as customer words', () => {
    const canonical = icp((d) =>
      write(d, 'painPoints', 'Save time.', blockquote('We drown in manual data entry')),
    );
    expect(check('vague-generic-narrative', input(canonical))).toEqual([]);
  });

  it('ignores empty narratives and sections that are not about the customer (notes, watering holes)', () => {
    const canonical = icp((d) => {
      write(d, 'notes', 'Improve efficiency, save time.');
      write(d, 'wateringHoles', 'Best-in-class events.');
    });
    expect(check('vague-generic-narrative', input(canonical))).toEqual([]);
  });
});

describe('vague-matches-most-accounts', () => {
  const withShare = (matchShareOfAll: number | null) =>
    input(icp(), { dataset: { matchShareOfAll, driftSinceApproval: [] } });

  it('fires above 40%, saying the percentage', () => {
    const [finding] = check('vague-matches-most-accounts', withShare(0.62));
    expect(finding).toMatchObject({ section: null, severity: 'warning' });
    expect(finding!.message).toContain('62% of all accounts');
  });

  it('stays quiet at 40% or without data', () => {
    expect(check('vague-matches-most-accounts', withShare(0.4))).toEqual([]);
    expect(check('vague-matches-most-accounts', withShare(null))).toEqual([]);
    expect(check('vague-matches-most-accounts', input(icp()))).toEqual([]);
  });
});

// ---------- static ----------

describe('static-review-overdue', () => {
  it('fires once the due date passed, saying when', () => {
    const [finding] = check(
      'static-review-overdue',
      input(icp(), { review: { intervalDays: 90, approvedAt: daysAgo(100), dueAt: daysAgo(10) } }),
    );
    expect(finding!.message).toBe('The review of this ICP was due on 2026-05-22, 10 days ago.');
    expect(finding!.subject).toBe('2026-05-22');
  });

  it('stays quiet before the due date or without one', () => {
    const future = new Date(NOW + DAY).toISOString();
    expect(
      check(
        'static-review-overdue',
        input(icp(), { review: { intervalDays: 90, approvedAt: null, dueAt: future } }),
      ),
    ).toEqual([]);
    expect(check('static-review-overdue', input(icp()))).toEqual([]);
  });
});

describe('static-approval-stale', () => {
  it('fires when the approval is older than the cadence and no review is scheduled', () => {
    const [finding] = check(
      'static-approval-stale',
      input(icp(), { review: { intervalDays: 90, approvedAt: daysAgo(200), dueAt: null } }),
    );
    expect(finding!.message).toBe(
      'The approved version is 200 days old, past the 90-day review cadence, and no review is scheduled.',
    );
  });

  it('fires when the next review was pushed beyond the cadence', () => {
    const [finding] = check(
      'static-approval-stale',
      input(icp(), {
        review: { intervalDays: 90, approvedAt: daysAgo(120), dueAt: new Date(NOW + 30 * DAY).toISOString() },
      }),
    );
    expect(finding!.message).toContain('the next review is not until 2026-07-01');
  });

  it('does not repeat an overdue review', () => {
    const overdue = input(icp(), {
      review: { intervalDays: 90, approvedAt: daysAgo(200), dueAt: daysAgo(110) },
    });
    expect(check('static-approval-stale', overdue)).toEqual([]);
    expect(
      evaluateCoach(overdue)
        .filter((f) => f.practice === 'static')
        .map((f) => f.ruleId),
    ).toEqual(['static-review-overdue']);
  });

  it('stays quiet within the cadence, without a cadence, or without an approval', () => {
    const review = (intervalDays: number | null, approvedAt: string | null) =>
      input(icp(), { review: { intervalDays, approvedAt, dueAt: null } });
    expect(check('static-approval-stale', review(90, daysAgo(89)))).toEqual([]);
    expect(check('static-approval-stale', review(null, daysAgo(400)))).toEqual([]);
    expect(check('static-approval-stale', review(90, null))).toEqual([]);
  });
});

describe('static-drift-since-approval', () => {
  const drift = (...entries: NonNullable<CoachInput['dataset']>['driftSinceApproval']) =>
    check(
      'static-drift-since-approval',
      input(icp(), { dataset: { matchShareOfAll: null, driftSinceApproval: entries } }),
    );

  it('names the criterion and both values when lift moved by more than 25%', () => {
    const findings = drift(
      { criterion: 'Fintech', before: 2.4, after: 1.2, measure: 'lift' },
      { criterion: 'Uses Snowflake', before: 2, after: 2.6, measure: 'lift' },
    );
    expect(findings.map((f) => f.message)).toEqual([
      'The lift of "Fintech" fell from 2.4 to 1.2 since the approved version.',
      'The lift of "Uses Snowflake" rose from 2 to 2.6 since the approved version.',
    ]);
  });

  it('names both coverages when coverage moved by more than 10 points', () => {
    const findings = drift(
      { criterion: 'DACH', before: 0.8, after: 0.55, measure: 'coverage' },
      { criterion: 'Series B+', before: 0.5, after: 0.65, measure: 'coverage' },
    );
    expect(findings.map((f) => f.message)).toEqual([
      '"DACH" now matches 55% of your best customers, down from 80% when the version was approved.',
      '"Series B+" now matches 65% of your best customers, up from 50% when the version was approved.',
    ]);
  });

  it('ignores moves at or under the thresholds, and no data', () => {
    expect(
      drift(
        { criterion: 'Fintech', before: 2, after: 1.5, measure: 'lift' },
        { criterion: 'Fintech', before: 2, after: 2.4, measure: 'lift' },
        { criterion: 'DACH', before: 0.8, after: 0.7, measure: 'coverage' },
        { criterion: 'DACH', before: 0.6, after: 0.69, measure: 'coverage' },
      ),
    ).toEqual([]);
    expect(check('static-drift-since-approval', input(icp()))).toEqual([]);
  });
});

// ---------- ivory tower ----------

describe('ivory-tower-single-function-section', () => {
  it('names the one function that wrote a section, and the ones to ask', () => {
    const [finding] = check(
      'ivory-tower-single-function-section',
      input(icp(), {
        contributions: [
          { section: 'goals', function: 'sales', count: 7 },
          { section: 'industries', function: 'sales', count: 1 },
          { section: 'industries', function: 'product', count: 1 },
          { section: 'challenges', function: 'marketing', count: 0 },
        ],
      }),
    );
    expect(finding).toMatchObject({ section: 'goals', subject: 'sales', severity: 'hint' });
    expect(finding!.message).toBe('Only Sales contributed to Goals.');
    expect(finding!.fix).toContain('Marketing, Product or Customer success');
  });

  it('stays quiet without contribution data', () => {
    expect(check('ivory-tower-single-function-section', input(icp(), { contributions: null }))).toEqual([]);
  });
});

describe('ivory-tower-missing-function', () => {
  it('names each function that contributed nowhere', () => {
    const findings = check(
      'ivory-tower-missing-function',
      input(icp(), {
        contributions: [
          { section: 'goals', function: 'sales', count: 3 },
          { section: 'goals', function: 'marketing', count: 1 },
          { section: 'notes', function: 'product', count: 0 },
        ],
      }),
    );
    expect(findings.map((f) => f.message)).toEqual([
      'Product has not contributed anywhere in this ICP.',
      'Customer success has not contributed anywhere in this ICP.',
    ]);
    expect(findings.map((f) => f.section)).toEqual([null, null]);
  });

  it('stays quiet when all four contributed, or without contribution data', () => {
    expect(
      check('ivory-tower-missing-function', input(icp(), { contributions: ALL_FUNCTIONS_EVERYWHERE })),
    ).toEqual([]);
    expect(check('ivory-tower-missing-function', input(icp(), { contributions: null }))).toEqual([]);
  });

  it('counts a sign-off given with a reason as the function having contributed (and no section as single-function)', () => {
    const contributions = contributionsForCoach({
      contributions: [
        { section: 'goals', function: 'sales', edits: 3, comments: 0 },
        { section: 'goals', function: 'marketing', edits: 0, comments: 1 },
        { section: 'notes', function: 'product', edits: 2, comments: 0 },
      ],
      signOffReasons: [{ function: 'customer_success', count: 1 }],
    });
    expect(check('ivory-tower-missing-function', input(icp(), { contributions }))).toEqual([]);
    const single = check('ivory-tower-single-function-section', input(icp(), { contributions }));
    expect(single.map((f) => f.section)).toEqual(['notes']);
  });
});

// ---------- data-only and opinion-only ----------

describe('data-only-no-customer-words', () => {
  const filled = (d: Y.Doc) => {
    list(d, 'industries', 'Fintech');
    writeRange(d, 'employees', { min: 200, max: 1000 });
    list(d, 'technologies', 'Salesforce');
  };

  it('fires when criteria are filled but no narrative quotes a customer', () => {
    const [finding] = check(
      'data-only-no-customer-words',
      input(
        icp((d) => {
          filled(d);
          write(d, 'painPoints', "Customers' forecasts don't hold: they're built in spreadsheets.");
        }),
      ),
    );
    expect(finding).toMatchObject({ section: 'painPoints', practice: 'dataOnly' });
    expect(finding!.message).toContain('3 sections');
  });

  it.each([
    ['a quote in notes', (d: Y.Doc) => write(d, 'notes', 'A VP at Finbank: “We close the quarter blind.”')],
    ['a block quote', (d: Y.Doc) => write(d, 'painPoints', blockquote('We close the quarter blind'))],
  ])('stays quiet with %s', (_what, addQuote) => {
    expect(
      check(
        'data-only-no-customer-words',
        input(
          icp((d) => {
            filled(d);
            addQuote(d);
          }),
        ),
      ),
    ).toEqual([]);
  });

  it('waits until criteria fill three sections', () => {
    const canonical = icp((d) => {
      list(d, 'industries', 'Fintech');
      writeRange(d, 'employees', { min: 200, max: 1000 });
    });
    expect(check('data-only-no-customer-words', input(canonical))).toEqual([]);
  });
});

describe('opinion-only-no-numbers', () => {
  const opinions = (d: Y.Doc) => {
    list(d, 'industries', 'Fintech');
    write(d, 'goals', 'Win the trust of their board with forecasts that hold.');
  };

  it('fires when nothing is measured', () => {
    const [finding] = check('opinion-only-no-numbers', input(icp(opinions)));
    expect(finding).toMatchObject({ section: 'evidence', practice: 'opinionOnly' });
  });

  it.each([
    ['a number in a narrative', (d: Y.Doc) => write(d, 'evidence', 'NPS 61 among the top quartile.')],
    ['a range', (d: Y.Doc) => writeRange(d, 'employees', { max: 1000 })],
    [
      'a criterion from a dataset',
      (d: Y.Doc) => addListItem(d, 'technologies', 'Salesforce', testEvidence('technologies', 'Salesforce')),
    ],
  ])('stays quiet with %s', (_what, measure) => {
    expect(
      check(
        'opinion-only-no-numbers',
        input(
          icp((d) => {
            opinions(d);
            measure(d);
          }),
        ),
      ),
    ).toEqual([]);
  });

  it('stays quiet on an empty ICP (that is vague, not opinionated)', () => {
    expect(check('opinion-only-no-numbers', input(icp()))).toEqual([]);
  });
});

// ---------- persona-first ----------

describe('persona-first-person-in-firmographics', () => {
  it.each([
    ['industries', 'CFOs at mid-size banks', 'CFOs'],
    ['industries', 'VP Sales in SaaS', 'VP'],
    ['industries', 'Head of RevOps', 'Head of'],
    ['industries', 'Marketing managers', 'Marketing managers'],
    ['industries', 'Founders of fintechs', 'Founders'],
    ['industries', 'B2B marketers', 'marketers'],
    ['industries', 'Decision makers in retail', 'Decision makers'],
    ['industries', 'Buyer persona: Ops Olivia', 'Buyer persona'],
    ['geographies', '30–45 years old in Berlin', 'years old'],
    ['geographies', 'Millennials in the UK', 'Millennials'],
    ['industries', 'Female-led agencies', 'Female'],
    ['technologies', 'IT directors using Jira', 'IT directors'],
  ] as const)('fires in %s on %j', (section, text, word) => {
    const [finding] = check(
      'persona-first-person-in-firmographics',
      input(icp((d) => list(d, section, text))),
    );
    expect(finding).toMatchObject({ section, severity: 'hint', practice: 'personaFirst' });
    expect(finding!.message).toBe(`"${text}" describes a person ("${word}"), not a company.`);
    expect(finding!.fix).toContain('Notes');
  });

  it.each([
    ['industries', 'Founder-led software companies'],
    ['industries', 'Personal finance apps'],
    ['industries', "Women's health"],
    ['industries', 'Property management'],
    ['industries', 'Funeral homes'],
    ['technologies', 'Google Tag Manager'],
    ['technologies', 'Active Directory'],
    ['geographies', 'Vienna'],
  ] as const)('does not fire in %s on the near miss %j', (section, text) => {
    expect(check('persona-first-person-in-firmographics', input(icp((d) => list(d, section, text))))).toEqual(
      [],
    );
  });

  it('leaves triggers and narratives alone: people belong there', () => {
    const canonical = icp((d) => {
      list(d, 'buyingTriggers', 'Hired a new VP of Sales');
      write(d, 'notes', 'Buying committee: CFO and Head of RevOps.');
    });
    expect(check('persona-first-person-in-firmographics', input(canonical))).toEqual([]);
  });
});

// ---------- the coach as a whole ----------

/** An ICP that breaks most rules at once. */
function writeMessyIcp(doc: Y.Doc): void {
  list(doc, 'industries', 'Any company with a CRM', 'CFOs at banks');
  writeRange(doc, 'employees', { min: 1, max: 100_000 });
  list(doc, 'geographies', 'All of Europe');
  list(doc, 'technologies', 'Salesforce');
  write(doc, 'goals', 'Improve efficiency and save time.');
  write(doc, 'painPoints', 'Reduce costs and drive growth.');
}

const messyInput = (canonical: CanonicalIcp = icp(writeMessyIcp)): CoachInput =>
  input(canonical, {
    review: { intervalDays: 90, approvedAt: daysAgo(200), dueAt: daysAgo(110) },
    contributions: [
      { section: 'industries', function: 'sales', count: 4 },
      { section: 'goals', function: 'sales', count: 2 },
      { section: 'goals', function: 'marketing', count: 1 },
    ],
    dataset: {
      matchShareOfAll: 0.55,
      driftSinceApproval: [{ criterion: 'Any company with a CRM', before: 1.4, after: 0.9, measure: 'lift' }],
    },
  });

describe('evaluateCoach', () => {
  it('finds nothing wrong in a well-written, specific ICP with data, cadence and all four functions', () => {
    expect(evaluateCoach(goodInput())).toEqual([]);
  });

  it('finds nothing wrong in the same ICP when the data-driven inputs are unknown', () => {
    expect(evaluateCoach(input(icp(writeGoodIcp)))).toEqual([]);
  });

  it('orders findings: ICP-wide first, then page order of sections, then rule order', () => {
    const findings = evaluateCoach(messyInput());
    expect(findings.map((f) => [f.section, f.ruleId])).toEqual([
      [null, 'vague-matches-most-accounts'],
      [null, 'static-review-overdue'],
      [null, 'static-drift-since-approval'],
      [null, 'ivory-tower-missing-function'],
      [null, 'ivory-tower-missing-function'],
      ['industries', 'vague-catch-all'],
      ['industries', 'persona-first-person-in-firmographics'],
      ['industries', 'ivory-tower-single-function-section'],
      ['employees', 'vague-range-too-wide'],
      ['revenue', 'vague-range-missing'],
      ['geographies', 'vague-catch-all'],
      ['goals', 'vague-generic-narrative'],
      ['painPoints', 'vague-generic-narrative'],
      ['painPoints', 'data-only-no-customer-words'],
    ]);
  });

  it('gives the same findings in the same order every time, from the JSON form of its input too', () => {
    const once = evaluateCoach(messyInput());
    expect(evaluateCoach(messyInput())).toEqual(once);
    expect(evaluateCoach(JSON.parse(JSON.stringify(messyInput())) as CoachInput)).toEqual(once);
  });

  it('keeps every finding inside the sections its rule declares, with a message and a fix', () => {
    for (const finding of evaluateCoach(messyInput())) {
      const rule = ruleById(finding.ruleId);
      expect(finding.severity).toBe(rule.severity);
      expect(finding.practice).toBe(rule.practice);
      if (rule.sections === null) expect(finding.section).toBeNull();
      else expect(rule.sections).toContain(finding.section);
      expect(finding.message.length).toBeGreaterThan(10);
      expect(finding.fix.length).toBeGreaterThan(10);
    }
  });
});

describe('findingKey', () => {
  const keyOf = (findings: CoachFinding[], ruleId: string, section: string | null) =>
    findingKey(findings.find((f) => f.ruleId === ruleId && f.section === section)!);

  it('is unique among the findings of one ICP', () => {
    const keys = evaluateCoach(messyInput()).map(findingKey);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('names the rule, the section and the subject', () => {
    expect(keyOf(evaluateCoach(messyInput()), 'vague-catch-all', 'industries')).toBe(
      'vague-catch-all:industries:any company with a crm',
    );
    expect(keyOf(evaluateCoach(messyInput()), 'vague-generic-narrative', 'goals')).toBe(
      'vague-generic-narrative:goals:',
    );
  });

  it('stays the same when unrelated sections change', () => {
    const before = evaluateCoach(messyInput());
    const after = evaluateCoach(
      messyInput(
        icp((d) => {
          writeMessyIcp(d);
          list(d, 'industries', 'Fintech');
          list(d, 'geographies', 'DACH');
          writeRange(d, 'revenue', { min: 10_000_000, max: 100_000_000 });
          write(d, 'goals', 'Boost productivity.');
          write(d, 'notes', 'Ask CS about churned accounts.');
        }),
      ),
    );
    for (const [ruleId, section] of [
      ['vague-catch-all', 'industries'],
      ['persona-first-person-in-firmographics', 'industries'],
      ['vague-range-too-wide', 'employees'],
      ['vague-generic-narrative', 'goals'],
      ['vague-generic-narrative', 'painPoints'],
      ['static-review-overdue', null],
    ] as const) {
      expect(keyOf(after, ruleId, section)).toBe(keyOf(before, ruleId, section));
    }
  });

  it('ignores case, quotes and spacing in the subject, but not a different criterion', () => {
    const base = { ruleId: 'vague-catch-all', section: 'industries' as const };
    expect(findingKey({ ...base, subject: '  Any  company with a “CRM” ' })).toBe(
      findingKey({ ...base, subject: 'any company with a crm' }),
    );
    expect(findingKey({ ...base, subject: 'All industries' })).not.toBe(
      findingKey({ ...base, subject: 'any company with a crm' }),
    );
  });

  it('changes with the due date, so dismissing one overdue review does not hide the next', () => {
    const overdue = (dueAt: string) =>
      findingKey(
        check(
          'static-review-overdue',
          input(icp(), { review: { intervalDays: 90, approvedAt: null, dueAt } }),
        )[0]!,
      );
    expect(overdue(daysAgo(10))).not.toBe(overdue(daysAgo(100)));
  });
});

describe('a negative ICP', () => {
  it('gets only the rules that coach one: catch-all words yes, "no industries" or "no size band" no', () => {
    const canonical = icp((doc) => list(doc, 'technologies', 'Any legacy ERP'));
    const all = (kind: 'icp' | 'negative') =>
      evaluateCoach({ ...input(canonical), kind }).map((f) => f.ruleId);
    expect(all('icp')).toEqual(
      expect.arrayContaining(['vague-no-industries', 'vague-range-missing', 'vague-catch-all']),
    );
    const negative = all('negative');
    expect(negative).toContain('vague-catch-all');
    expect(negative).not.toContain('vague-no-industries');
    expect(negative).not.toContain('vague-range-missing');
    expect(negative).not.toContain('opinion-only-no-numbers');
    expect(COACH_RULES.filter((r) => r.forNegative).map((r) => r.id)).toEqual([
      'vague-catch-all',
      'persona-first-person-in-firmographics',
      'vague-range-too-wide',
      'static-review-overdue',
      'static-approval-stale',
      'ivory-tower-missing-function',
      'ivory-tower-single-function-section',
    ]);
  });
});
