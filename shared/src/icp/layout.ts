/**
 * The one-page ICP, defined once as data. The client renders from it, the server validates and
 * exports from it, and each entry names the top-level Yjs type that holds the section, so adding a
 * section is a change to this file alone.
 */

/** The kind of a section decides its Yjs type and its editor. */
export type SectionKind = 'list' | 'range' | 'richText';

export type SectionGroup = 'firmographics' | 'technographics' | 'signals' | 'narrative';

interface SectionBase {
  /** Top-level Yjs name; also the key in the canonical JSON. Never rename: stored documents use it. */
  readonly key: string;
  readonly kind: SectionKind;
  readonly group: SectionGroup;
  readonly title: string;
  /** One sentence that teaches good ICP practice for this section. */
  readonly hint: string;
  readonly placeholder: string;
}

/** A list of short criteria (chips or one-line items): `Y.Array<Y.Map<{ id, text }>>`. */
export interface ListSection extends SectionBase {
  readonly kind: 'list';
  readonly style: 'chips' | 'items';
  readonly maxItems: number;
  readonly maxLength: number;
  readonly suggestions: readonly string[];
}

/** A numeric range: `Y.Map<{ min?: number, max?: number, currency?: string }>`. */
export interface RangeSection extends SectionBase {
  readonly kind: 'range';
  readonly unit: 'employees' | 'money';
  readonly max: number;
}

/** Narrative rich text: one `Y.XmlFragment` bound to a Tiptap editor. */
export interface RichTextSection extends SectionBase {
  readonly kind: 'richText';
  /** Below this many characters of text the section counts as thin. */
  readonly minChars: number;
  readonly maxChars: number;
}

export type SectionDefinition = ListSection | RangeSection | RichTextSection;

export const SECTION_GROUPS: readonly { key: SectionGroup; title: string; description: string }[] = [
  {
    key: 'firmographics',
    title: 'Firmographics',
    description: 'Which companies: industry, size, revenue and where they are.',
  },
  {
    key: 'technographics',
    title: 'Technographics',
    description: 'The technologies they already run.',
  },
  {
    key: 'signals',
    title: 'Buying signals and fit',
    description: 'What makes them buy now, and who is not a fit.',
  },
  {
    key: 'narrative',
    title: 'Why they buy',
    description: 'Goals, challenges and pains, in their words, with the evidence behind them.',
  },
];

export const ICP_SECTIONS = [
  {
    key: 'industries',
    kind: 'list',
    group: 'firmographics',
    style: 'chips',
    title: 'Industries',
    hint: 'Name verticals you win in, not "any industry". Two to five is typical.',
    placeholder: 'Add an industry…',
    maxItems: 30,
    maxLength: 80,
    suggestions: [
      'B2B SaaS',
      'Financial services',
      'Fintech',
      'Insurance',
      'Healthcare',
      'Life sciences',
      'Manufacturing',
      'Logistics & supply chain',
      'Retail & e-commerce',
      'Professional services',
      'Telecommunications',
      'Media & publishing',
      'Education',
      'Energy & utilities',
      'Real estate',
      'Public sector',
      'Cybersecurity',
      'Marketing & advertising',
    ],
  },
  {
    key: 'employees',
    kind: 'range',
    group: 'firmographics',
    unit: 'employees',
    title: 'Company size (employees)',
    hint: 'A band you can filter a CRM by, e.g. 200 to 1,000 employees.',
    placeholder: 'Employees',
    max: 10_000_000,
  },
  {
    key: 'revenue',
    kind: 'range',
    group: 'firmographics',
    unit: 'money',
    title: 'Annual revenue',
    hint: 'The revenue band of your best-fit customers, in one currency.',
    placeholder: 'Revenue',
    max: 10_000_000_000_000,
  },
  {
    key: 'geographies',
    kind: 'list',
    group: 'firmographics',
    style: 'chips',
    title: 'Geographies',
    hint: 'Where you can sell, serve and support them today.',
    placeholder: 'Add a region or country…',
    maxItems: 30,
    maxLength: 80,
    suggestions: [
      'North America',
      'United States',
      'Canada',
      'EMEA',
      'UK & Ireland',
      'DACH',
      'Nordics',
      'Benelux',
      'France',
      'Southern Europe',
      'APAC',
      'ANZ',
      'Japan',
      'India',
      'LATAM',
      'Middle East',
    ],
  },
  {
    key: 'technologies',
    kind: 'list',
    group: 'technographics',
    style: 'chips',
    title: 'Technologies in use',
    hint: 'Tools that signal fit or integrations you depend on, e.g. "uses Salesforce".',
    placeholder: 'Add a technology…',
    maxItems: 40,
    maxLength: 80,
    suggestions: [
      'Salesforce',
      'HubSpot',
      'Microsoft Dynamics',
      'Pipedrive',
      'Marketo',
      'Outreach',
      'Salesloft',
      'Gong',
      'Zendesk',
      'Intercom',
      'Slack',
      'Microsoft Teams',
      'Snowflake',
      'BigQuery',
      'Databricks',
      'AWS',
      'Google Cloud',
      'Azure',
      'SAP',
      'NetSuite',
      'Shopify',
      'Stripe',
      'Jira',
      'Okta',
    ],
  },
  {
    key: 'buyingTriggers',
    kind: 'list',
    group: 'signals',
    style: 'items',
    title: 'Buying triggers',
    hint: 'Events that open a buying window: a funding round, a new leader, a failed tool.',
    placeholder: 'Add a trigger, e.g. "Hired a new VP of Sales in the last 6 months"',
    maxItems: 20,
    maxLength: 160,
    suggestions: [],
  },
  {
    key: 'disqualifiers',
    kind: 'list',
    group: 'signals',
    style: 'items',
    title: 'Disqualifiers',
    hint: 'Who is not a fit, however keen they look. Saves sales the most time.',
    placeholder: 'Add a disqualifier, e.g. "No dedicated sales team"',
    maxItems: 20,
    maxLength: 160,
    suggestions: [],
  },
  {
    key: 'goals',
    kind: 'richText',
    group: 'narrative',
    title: 'Goals',
    hint: 'The business objectives they pursue, ideally with numbers.',
    placeholder: 'What are they trying to achieve this year?',
    minChars: 40,
    maxChars: 4000,
  },
  {
    key: 'challenges',
    kind: 'richText',
    group: 'narrative',
    title: 'Challenges',
    hint: 'The obstacles between them and those goals.',
    placeholder: 'What stands in their way?',
    minChars: 40,
    maxChars: 4000,
  },
  {
    key: 'painPoints',
    kind: 'richText',
    group: 'narrative',
    title: 'Pain points',
    hint: 'The specific problems our product solves for them. Quote customers.',
    placeholder: 'Which problems do we solve, in their words?',
    minChars: 40,
    maxChars: 4000,
  },
  {
    key: 'wateringHoles',
    kind: 'richText',
    group: 'narrative',
    title: 'Watering holes',
    hint: 'Where they learn: publications, communities, events, podcasts.',
    placeholder: 'Where do they get their information?',
    minChars: 20,
    maxChars: 4000,
  },
  {
    key: 'valueWeBring',
    kind: 'richText',
    group: 'narrative',
    title: 'Value we bring',
    hint: 'The outcome they get from us, measured the way they measure it.',
    placeholder: 'What changes for them when they use us?',
    minChars: 40,
    maxChars: 4000,
  },
  {
    key: 'evidence',
    kind: 'richText',
    group: 'narrative',
    title: 'Evidence',
    hint: 'Customers, metrics and interviews behind each claim (LTV, NPS, win rate).',
    placeholder: 'Which customers and data support this profile?',
    minChars: 40,
    maxChars: 4000,
  },
  {
    key: 'notes',
    kind: 'richText',
    group: 'narrative',
    title: 'Notes',
    hint: 'Open questions and anything the team wants to revisit.',
    placeholder: 'Open questions, parking lot…',
    minChars: 0,
    maxChars: 4000,
  },
] as const satisfies readonly SectionDefinition[];

/** One entry of the template, with its literal key and kind. */
export type IcpSection = (typeof ICP_SECTIONS)[number];
export type IcpListSection = Extract<IcpSection, { kind: 'list' }>;
export type IcpRangeSection = Extract<IcpSection, { kind: 'range' }>;
export type IcpRichTextSection = Extract<IcpSection, { kind: 'richText' }>;

export type SectionKey = (typeof ICP_SECTIONS)[number]['key'];
export type ListSectionKey = Extract<(typeof ICP_SECTIONS)[number], { kind: 'list' }>['key'];
export type RangeSectionKey = Extract<(typeof ICP_SECTIONS)[number], { kind: 'range' }>['key'];
export type RichTextSectionKey = Extract<(typeof ICP_SECTIONS)[number], { kind: 'richText' }>['key'];

const byKey = new Map<string, SectionDefinition>(ICP_SECTIONS.map((s) => [s.key, s]));

/** The definition of one section, or undefined for an unknown key. */
export function findSection(key: string): SectionDefinition | undefined {
  return byKey.get(key);
}

/** The definition of a section known to exist. */
export function sectionOf<K extends SectionKey>(key: K): Extract<(typeof ICP_SECTIONS)[number], { key: K }> {
  return byKey.get(key) as Extract<(typeof ICP_SECTIONS)[number], { key: K }>;
}

/** Sections of one kind, in page order. */
export function sectionsOfKind<T extends SectionKind>(
  kind: T,
): Extract<(typeof ICP_SECTIONS)[number], { kind: T }>[] {
  return ICP_SECTIONS.filter((s) => s.kind === kind) as Extract<(typeof ICP_SECTIONS)[number], { kind: T }>[];
}

/** Currencies offered for the revenue range (ISO 4217). */
export const CURRENCIES = [
  'USD',
  'EUR',
  'GBP',
  'CAD',
  'AUD',
  'CHF',
  'SEK',
  'NOK',
  'DKK',
  'JPY',
  'INR',
  'SGD',
  'BRL',
] as const;
export type Currency = (typeof CURRENCIES)[number];
export const DEFAULT_CURRENCY: Currency = 'USD';
