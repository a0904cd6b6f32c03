import { type AccountStatus } from './fields.js';

/** One generated B2B account, as a CRM would hold it. */
export interface SampleAccount {
  id: string;
  name: string;
  domain: string;
  industry: string;
  employees: number;
  revenue: number;
  currency: 'USD';
  country: string;
  region: string;
  technologies: string[];
  status: AccountStatus;
  /** YYYY-MM-DD. */
  createdAt: string;
  /** YYYY-MM-DD of the latest closed deal (won or lost); null for prospects. */
  closedAt: string | null;
  acv: number | null;
  ltv: number | null;
  nps: number | null;
  adoption: number | null;
}

/** A small, fast, seeded pseudo-random generator (mulberry32): numbers in [0, 1). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Picks from weighted choices with one random number. */
class Weighted<T> {
  private readonly cumulative: number[] = [];
  private readonly total: number;
  constructor(private readonly choices: readonly (readonly [T, number])[]) {
    let sum = 0;
    for (const [, weight] of choices) this.cumulative.push((sum += weight));
    this.total = sum;
  }
  pick(r: number): T {
    const x = r * this.total;
    for (let i = 0; i < this.cumulative.length; i++) if (x < this.cumulative[i]!) return this.choices[i]![0];
    return this.choices[this.choices.length - 1]![0];
  }
}

const ROOTS = (
  'Acme Apex Atlas Beacon Birch Blue Bright Canyon Cedar Clear Cobalt Copper Crest Delta Drift Echo ' +
  'Ember Falcon Fern Glacier Granite Grove Harbor Helix Horizon Indigo Iron Jade Juniper Kestrel ' +
  'Keystone Lark Lattice Lumen Maple Meridian Mosaic Nimbus North Nova Oak Onyx Orbit Pine Pioneer ' +
  'Prime Quartz Raven Redwood Ridge Sierra Silver Sparrow Summit Swift Tidal True Union Vantage Vertex ' +
  'Willow Zenith Alder Basalt'
).split(' ');
const NOUNS = (
  'Analytics Systems Labs Works Logistics Health Capital Networks Software Solutions Dynamics ' +
  'Partners Industries Robotics Foods Retail Learning Media Security Energy Bio Cloud Data Digital ' +
  'Freight Goods Insights Machines Materials Mobility Payments Pharma Studio Supply Telecom Ventures ' +
  'Outfitters Metrics Path Point Stack Bridge Forge Grid Hub Line Loop Field'
).split(' ');
const LEGAL = [
  '',
  ' Inc',
  ' Group',
  ' Technologies',
  ' Holdings',
  ' & Co',
  ' International',
  ' Corp',
] as const;
const NAME_BLOCK = ROOTS.length * NOUNS.length; // 3,072 = 2^10 · 3
/** Coprime with NAME_BLOCK: walks every root/noun pair of a block in a scattered order. */
const NAME_STRIDE = 1237;

const LOWER_ROOTS = ROOTS.map((root) => root.toLowerCase());
const LOWER_NOUNS = NOUNS.map((noun) => noun.toLowerCase());
/** " & Co" → "-co": the legal suffix in a domain. */
const LEGAL_STEMS = LEGAL.map((legal) =>
  legal === '' ? '' : `-${legal.replace(/[^A-Za-z]/g, '').toLowerCase()}`,
);

/** The index-th company name and its domain stem ("cobaltpayments-group-3"): unique for every index. */
function nameOf(index: number): { name: string; stem: string } {
  const block = Math.floor(index / NAME_BLOCK);
  const r = ((index % NAME_BLOCK) * NAME_STRIDE) % NAME_BLOCK;
  const root = r % ROOTS.length;
  const noun = Math.floor(r / ROOTS.length);
  const legal = block % LEGAL.length;
  const round = Math.floor(block / LEGAL.length);
  return {
    name: `${ROOTS[root]!} ${NOUNS[noun]!}${LEGAL[legal]!}${round === 0 ? '' : ` ${round + 1}`}`,
    stem: `${LOWER_ROOTS[root]!}${LOWER_NOUNS[noun]!}${LEGAL_STEMS[legal]!}${round === 0 ? '' : `-${round + 1}`}`,
  };
}

/** The industries of the ICP template, with how common they are among the accounts. */
export const SAMPLE_INDUSTRIES = [
  ['B2B SaaS', 14],
  ['Fintech', 9],
  ['Healthcare', 10],
  ['Manufacturing', 11],
  ['Retail & e-commerce', 10],
  ['Professional services', 10],
  ['Education', 7],
  ['Logistics & supply chain', 7],
  ['Insurance', 6],
  ['Media & publishing', 5],
  ['Public sector', 5],
  ['Cybersecurity', 6],
] as const;

const COUNTRIES: readonly (readonly [string, number, string, readonly string[]])[] = [
  [
    'United States',
    36,
    '.com',
    [
      'California',
      'New York',
      'Texas',
      'Massachusetts',
      'Washington',
      'Illinois',
      'Florida',
      'Georgia',
      'Colorado',
      'North Carolina',
      'New Jersey',
      'Pennsylvania',
    ],
  ],
  ['Canada', 7, '.ca', ['Ontario', 'Quebec', 'British Columbia', 'Alberta']],
  [
    'United Kingdom',
    12,
    '.co.uk',
    ['England', 'England', 'England', 'England', 'Scotland', 'Wales', 'Northern Ireland'],
  ],
  [
    'Germany',
    9,
    '.de',
    ['Bavaria', 'Berlin', 'Hesse', 'North Rhine-Westphalia', 'Baden-Württemberg', 'Hamburg'],
  ],
  [
    'France',
    7,
    '.fr',
    [
      'Île-de-France',
      'Auvergne-Rhône-Alpes',
      "Provence-Alpes-Côte d'Azur",
      'Occitanie',
      'Nouvelle-Aquitaine',
    ],
  ],
  ['Netherlands', 5, '.nl', ['North Holland', 'South Holland', 'Utrecht', 'North Brabant']],
  ['Australia', 6, '.com.au', ['New South Wales', 'Victoria', 'Queensland', 'Western Australia']],
  ['India', 7, '.in', ['Karnataka', 'Maharashtra', 'Delhi', 'Tamil Nadu', 'Telangana']],
  ['Brazil', 5, '.com.br', ['São Paulo', 'Rio de Janeiro', 'Minas Gerais', 'Paraná']],
  ['Sweden', 4, '.se', ['Stockholm', 'Västra Götaland', 'Skåne']],
];

/** Technologies of the ICP template, with how often an account runs each. */
const TECHNOLOGIES = [
  ['Salesforce', 30],
  ['HubSpot', 26],
  ['Snowflake', 14],
  ['Slack', 40],
  ['Microsoft Teams', 24],
  ['Zendesk', 16],
  ['Intercom', 9],
  ['Stripe', 14],
  ['Okta', 14],
  ['AWS', 36],
  ['Google Cloud', 16],
  ['Azure', 18],
  ['Shopify', 6],
  ['Jira', 28],
  ['NetSuite', 8],
  ['BigQuery', 7],
] as const;

const industries = new Weighted(SAMPLE_INDUSTRIES);
const countries = new Weighted(COUNTRIES.map((c) => [c, c[1]] as const));
const technologies = new Weighted(TECHNOLOGIES);
const retailTechnologies = new Weighted(TECHNOLOGIES.map(([t, w]) => [t, t === 'Shopify' ? 60 : w] as const));

const DAY_MS = 86_400_000;
/** The generated data stops on this day (fixed, so a seed always gives the same accounts). */
const TODAY = Date.UTC(2025, 6, 1) / DAY_MS;
const FIRST_DAY = Date.UTC(2019, 0, 1) / DAY_MS;

/** YYYY-MM-DD of a day number (days since 1970-01-01), without Date. */
function isoDay(days: number): string {
  // Howard Hinnant's civil_from_days.
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return `${year}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));
const logistic = (x: number): number => 1 / (1 + Math.exp(-x));

/** Share of accounts never engaged in a deal (prospects). */
const PROSPECT_SHARE = 0.42;
/** Logit of winning a deal before the planted signal (tuned for ≈ 25/5/20/8% customer/won/lost/churned). */
const WIN_LOGIT = 0.3;

/**
 * Deterministic, realistic B2B accounts for a seed, streamed one at a time (no array of all rows):
 * unique company names and domains, 12 industries of the ICP template, log-normal company sizes
 * (2–50,000 employees) with revenue of $150k–300k per employee, weighted countries with their
 * states or regions, 1–5 technologies, and a status mix of about 25% customers, 5% recent wins,
 * 20% lost, 8% churned and 42% prospects. Contract value, lifetime value, NPS and adoption exist
 * only for customers, wins and churned accounts (a few missing among them).
 *
 * The planted ICP: B2B SaaS and Fintech companies, 201–1,000 employees and accounts running
 * Snowflake or Salesforce win more often, churn less, and bring higher LTV and NPS; Education and
 * Public sector rarely win and churn more (the anti-ICP). Each trait works alone and noisily, so
 * the signal is clear in a few thousand accounts without being perfect.
 */
export function* sampleAccounts(count: number, seed = 42): Generator<SampleAccount> {
  const random = mulberry32(seed);
  const normal = (): number => {
    const u = 1 - random();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
  };

  for (let index = 0; index < count; index++) {
    const { name, stem } = nameOf(index);
    const industry = industries.pick(random());
    const place = countries.pick(random());
    const country = place[0];
    const tld = place[2];
    const regions = place[3];
    const region = regions[Math.floor(random() * regions.length)]!;

    const employees = Math.round(clamp(Math.exp(Math.log(150) + 1.6 * normal()), 2, 50_000));
    const revenue = Math.round((employees * (150_000 + 150_000 * random())) / 1000) * 1000;

    const pool = industry === 'Retail & e-commerce' ? retailTechnologies : technologies;
    const wanted = 1 + Math.floor(random() * random() * 5.5);
    const stack: string[] = [];
    for (let attempt = 0; stack.length < Math.min(wanted, 5) && attempt < 12; attempt++) {
      const technology = pool.pick(random());
      if (!stack.includes(technology)) stack.push(technology);
    }

    // The planted signal: each trait alone moves the odds.
    const icpIndustry = industry === 'B2B SaaS' || industry === 'Fintech';
    const antiIndustry = industry === 'Education' || industry === 'Public sector';
    const icpSize = employees >= 201 && employees <= 1000;
    const icpStack = stack.includes('Snowflake') || stack.includes('Salesforce');
    const fit = (icpIndustry ? 1 : 0) + (icpSize ? 1 : 0) + (icpStack ? 1 : 0) - (antiIndustry ? 1.5 : 0);

    const createdDay = FIRST_DAY + Math.floor(random() * (TODAY - FIRST_DAY - 30));
    let status: AccountStatus = 'prospect';
    let closedDay: number | null = null;
    if (random() >= PROSPECT_SHARE) {
      const winLogit =
        WIN_LOGIT +
        (icpIndustry ? 0.8 : 0) +
        (icpSize ? 0.6 : 0) +
        (icpStack ? 0.7 : 0) -
        (antiIndustry ? 1.6 : 0) +
        (employees <= 10 ? -0.5 : 0) +
        0.3 * normal();
      closedDay = Math.min(TODAY - 1, createdDay + 14 + Math.floor(random() * 240));
      if (random() < logistic(winLogit)) {
        const churn = clamp(0.28 * Math.exp(-0.35 * fit) * (antiIndustry ? 1.4 : 1), 0.02, 0.7);
        if (random() < churn) status = 'churned';
        else if (TODAY - closedDay < 120 || random() < 0.1) status = 'won';
        else status = 'customer';
      } else {
        status = 'lost';
      }
    }

    let acv: number | null = null;
    let ltv: number | null = null;
    let nps: number | null = null;
    let adoption: number | null = null;
    if (status !== 'prospect' && status !== 'lost') {
      const value =
        12_000 *
        Math.pow(employees / 200, 0.25) *
        Math.exp(0.35 * normal()) *
        (icpIndustry ? 1.5 : 1) *
        (icpSize ? 1.35 : 1) *
        (icpStack ? 1.35 : 1) *
        (antiIndustry ? 0.6 : 1);
      acv = Math.round(value / 100) * 100;
      const years = status === 'churned' ? 0.5 + 2 * random() : Math.max(0.25, (TODAY - closedDay!) / 365);
      const expansion = 1 + 0.08 * Math.max(0, fit) * years;
      ltv = Math.round((acv * years * expansion) / 100) * 100;
      const happy = status === 'churned' ? -35 : 0;
      // `|| 0`: no -0 in the data.
      nps = Math.round(clamp(20 + 14 * fit + happy + 25 * normal(), -100, 100)) || 0;
      adoption = Math.round(clamp(55 + 8 * fit + (happy / 35) * 20 + 15 * normal(), 0, 100));
      const missing = random();
      if (missing < 0.02) {
        acv = null;
        ltv = null;
      } else if (missing < 0.08) nps = null;
      else if (missing < 0.12) adoption = null;
      if (status === 'won' && random() < 0.5) nps = null;
    }

    yield {
      id: String(4_100_000_001 + index),
      name,
      domain: `${stem}${tld}`,
      industry,
      employees,
      revenue,
      currency: 'USD',
      country,
      region,
      technologies: stack,
      status,
      createdAt: isoDay(createdDay),
      closedAt: closedDay === null ? null : isoDay(closedDay),
      acv,
      ltv,
      nps,
      adoption,
    };
  }
}

// ---------- CSV exports ----------

/** The CRM whose export a sample CSV imitates. */
export type SampleCsvStyle = 'hubspot' | 'salesforce';

/** The headers of a HubSpot company export (custom properties for technologies, NPS and health). */
export const HUBSPOT_HEADERS = [
  'Record ID',
  'Company name',
  'Company Domain Name',
  'Industry',
  'Number of Employees',
  'Annual Revenue',
  'Country/Region',
  'State/Region',
  'Lifecycle Stage',
  'Create Date',
  'Close Date',
  'Technologies',
  'Annual recurring revenue',
  'Total Revenue',
  'NPS',
  'Health score',
] as const;

/** The headers of a Salesforce account report (custom fields for the stack, LTV and scores). */
export const SALESFORCE_HEADERS = [
  'Account ID',
  'Account Name',
  'Website',
  'Industry',
  'Employees',
  'Annual Revenue',
  'Billing Country',
  'Billing State/Province',
  'Type',
  'Created Date',
  'Last Closed Won Date',
  'Tech Stack',
  'ARR',
  'LTV',
  'NPS Score',
  'Adoption Score',
] as const;

/** A well-mixed 32-bit hash of a row and a field, in [0, 1): formatting choices without a generator. */
function variant(row: number, field: number): number {
  let h = Math.imul(row ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(field + 1, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return (h >>> 0) / 4294967296;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** HubSpot's export datetime: "2024-03-05 14:07". */
const hubspotDateTime = (day: string, row: number, field: number): string => {
  const minutes = Math.floor(variant(row, field) * 600) + 8 * 60;
  return `${day} ${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`;
};

/** Salesforce's US report date: "03/05/2024". */
const usDate = (day: string): string => `${day.slice(5, 7)}/${day.slice(8, 10)}/${day.slice(0, 4)}`;

/** "1,234,567" for a whole number (Intl is ten times slower, which shows over a million rows). */
function grouped(n: number): string {
  const digits = String(Math.round(Math.abs(n)));
  let out = '';
  for (let end = digits.length; end > 0; end -= 3) {
    const group = digits.slice(Math.max(0, end - 3), end);
    out = out === '' ? group : `${group},${out}`;
  }
  return n < 0 ? `-${out}` : out;
}

/**
 * HubSpot has no lifecycle stage for lost deals or churned customers; portals that track them on
 * the company add custom stages. The sample does so, so one column carries all five statuses.
 */
function hubspotStage(status: AccountStatus, row: number): string {
  switch (status) {
    case 'customer':
      return variant(row, 20) < 0.1 ? 'Evangelist' : 'Customer';
    case 'won':
      return 'Closed Won';
    case 'lost':
      return 'Closed Lost';
    case 'churned':
      return 'Churned';
    case 'prospect': {
      const stages = [
        'Lead',
        'Subscriber',
        'Marketing Qualified Lead',
        'Sales Qualified Lead',
        'Opportunity',
      ];
      return stages[Math.floor(variant(row, 20) * stages.length)]!;
    }
  }
}

/** Salesforce account types, with "Closed Won" and "Closed Lost" as orgs that track deals on the account add them. */
function salesforceType(status: AccountStatus, row: number): string {
  switch (status) {
    case 'customer':
      return variant(row, 20) < 0.8 ? 'Customer - Direct' : 'Customer - Channel';
    case 'won':
      return 'Closed Won';
    case 'lost':
      return 'Closed Lost';
    case 'churned':
      return 'Former Customer';
    case 'prospect':
      return 'Prospect';
  }
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const CHECKSUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/** An 18-character Salesforce account id ("001…", with its case checksum) for a number. */
function salesforceId(n: number): string {
  let digits = '';
  for (let x = n; x > 0; x = Math.floor(x / 62)) digits = BASE62[x % 62]! + digits;
  const id15 = `001${'Dn'}${digits.padStart(10, '0')}`;
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let flags = 0;
    for (let j = 0; j < 5; j++) {
      const ch = id15[chunk * 5 + j]!;
      if (ch >= 'A' && ch <= 'Z') flags |= 1 << j;
    }
    suffix += CHECKSUM[flags]!;
  }
  return id15 + suffix;
}

/** A number for an account id: the id itself when it is digits, else a hash of it. */
function idNumber(id: string): number {
  if (/^\d{1,15}$/.test(id)) return Number(id);
  let h = 5381;
  for (let i = 0; i < id.length; i++) h = (Math.imul(h, 33) ^ id.charCodeAt(i)) >>> 0;
  return h;
}

const empty = (chance: number, row: number, field: number): boolean => variant(row, field) < chance;

function hubspotRow(a: SampleAccount, row: number): (string | number | null)[] {
  return [
    a.id,
    a.name,
    a.domain,
    a.industry,
    a.employees,
    a.revenue,
    a.country,
    a.region,
    hubspotStage(a.status, row),
    hubspotDateTime(a.createdAt, row, 1),
    a.closedAt === null ? null : hubspotDateTime(a.closedAt, row, 2),
    a.technologies.join(';'),
    a.acv,
    a.ltv,
    a.nps,
    a.adoption,
  ];
}

function salesforceRow(a: SampleAccount, row: number): (string | number | null)[] {
  const site = variant(row, 3);
  const website =
    site < 0.4
      ? `www.${a.domain}`
      : site < 0.7
        ? `https://www.${a.domain}`
        : site < 0.9
          ? a.domain
          : `http://${a.domain}/`;
  const employees = empty(0.03, row, 4)
    ? null
    : a.employees >= 1000 && variant(row, 5) < 0.5
      ? grouped(a.employees)
      : a.employees;
  const money = variant(row, 6);
  const revenue = empty(0.04, row, 7)
    ? null
    : money < 0.4
      ? a.revenue
      : money < 0.7
        ? `$${grouped(a.revenue)}`
        : compactDollars(a.revenue);
  const won = a.status === 'customer' || a.status === 'won' || a.status === 'churned';
  return [
    salesforceId(idNumber(a.id)),
    a.name,
    website,
    empty(0.02, row, 8) ? null : a.industry,
    employees,
    revenue,
    a.country,
    a.region,
    salesforceType(a.status, row),
    usDate(a.createdAt),
    won && a.closedAt !== null ? usDate(a.closedAt) : null,
    a.technologies.join(';'),
    a.acv,
    a.ltv === null ? null : variant(row, 9) < 0.3 ? `$${grouped(a.ltv)}.00` : a.ltv,
    a.nps,
    a.adoption,
  ];
}

/** "$5M", "$12.5M", "$850K", "$1.2B": how people type revenue into a CRM. */
function compactDollars(amount: number): string {
  const units = [
    [1e9, 'B'],
    [1e6, 'M'],
    [1e3, 'K'],
  ] as const;
  for (const [size, unit] of units)
    if (amount >= size) return `$${Math.round((amount / size) * 10) / 10}${unit}`;
  return `$${amount}`;
}

const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One CSV line (RFC 4180): cells quoted, quotes doubled, when they hold a comma, a quote or a line
 * break; null as empty; numbers as JavaScript writes them (the sample's are whole and below 1e21,
 * so never with an exponent). Generated text never starts like a spreadsheet formula.
 */
function csvRow(cells: readonly (string | number | null)[]): string {
  let line = '';
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    if (i > 0) line += ',';
    if (cell === null || cell === undefined) continue;
    if (typeof cell === 'number') line += String(cell);
    else line += NEEDS_QUOTES.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
  }
  return line;
}

/**
 * The accounts as a CRM export, one CSV line (RFC 4180 quoting, no line break) at a time: first
 * the header, then one line per account, streamed. 'hubspot' imitates a company export (plain
 * numbers, "2024-03-05 14:07" datetimes, lifecycle stages; lost and churned as custom stages
 * "Closed Lost" and "Churned", see hubspotStage). 'salesforce' imitates an account report
 * (18-character ids, "03/05/2024" dates, account types "Customer - Direct", "Prospect", "Former
 * Customer", "Closed Won", "Closed Lost"; sizes like "1,200"; revenue like "5000000", "$5,000,000"
 * or "$5M"; about 2–4% of industry, employee and revenue cells left empty; the close date only for
 * accounts that won). Formatting choices are a function of the row's position, so a given input
 * always gives the same file.
 */
export function* sampleCsvLines(accounts: Iterable<SampleAccount>, style: SampleCsvStyle): Generator<string> {
  yield csvRow(style === 'hubspot' ? HUBSPOT_HEADERS : SALESFORCE_HEADERS);
  let row = 0;
  for (const account of accounts) {
    yield csvRow(style === 'hubspot' ? hubspotRow(account, row) : salesforceRow(account, row));
    row++;
  }
}
