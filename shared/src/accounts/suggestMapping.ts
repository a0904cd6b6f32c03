import { ACCOUNT_FIELD_KEYS, type AccountFieldKey } from './fields.js';

/**
 * Header names for each field, normalised (lowercase letters and digits only), best first: HubSpot
 * company exports, Salesforce account reports and generic names. A name belongs to one field.
 */
export const ACCOUNT_HEADER_SYNONYMS: Record<AccountFieldKey, readonly string[]> = {
  externalId: [
    'recordid',
    'accountid',
    'companyid',
    'hubspotid',
    'hubspotcompanyid',
    'salesforceid',
    'sfdcid',
    'crmid',
    'externalid',
    'objectid',
    'hsobjectid',
    'accountid18',
    'id',
  ],
  name: [
    'companyname',
    'accountname',
    'name',
    'company',
    'organizationname',
    'organisationname',
    'organization',
    'organisation',
    'businessname',
    'account',
  ],
  domain: [
    'companydomainname',
    'domain',
    'domainname',
    'companydomain',
    'website',
    'websiteurl',
    'companywebsite',
    'url',
    'web',
    'site',
    'homepage',
  ],
  industry: ['industry', 'industries', 'sector', 'vertical', 'primaryindustry', 'industrycategory'],
  employees: [
    'numberofemployees',
    'employees',
    'employeecount',
    'headcount',
    'noofemployees',
    'numemployees',
    'totalemployees',
    'companysize',
    'staff',
    'fte',
    'ftes',
    'size',
  ],
  revenue: ['annualrevenue', 'revenue', 'companyrevenue', 'yearlyrevenue', 'turnover', 'annualturnover'],
  currency: [
    'currency',
    'accountcurrency',
    'currencycode',
    'isocurrencycode',
    'companycurrency',
    'revenuecurrency',
    'annualrevenuecurrency',
  ],
  country: [
    'countryregion',
    'country',
    'billingcountry',
    'shippingcountry',
    'countrycode',
    'hqcountry',
    'headquarterscountry',
  ],
  region: [
    'stateregion',
    'billingstateprovince',
    'state',
    'region',
    'stateprovince',
    'province',
    'billingstate',
    'billingregion',
    'shippingstateprovince',
    'shippingstate',
    'territory',
  ],
  technologies: [
    'technologies',
    'webtechnologies',
    'techstack',
    'technologystack',
    'tech',
    'technology',
    'technologiesused',
    'installedtechnologies',
    'tools',
    'software',
    'stack',
  ],
  status: [
    'lifecyclestage',
    'status',
    'stage',
    'type',
    'accounttype',
    'accountstatus',
    'customerstatus',
    'customertype',
    'companytype',
    'dealstage',
    'lifecycle',
  ],
  firstDealAt: [
    'firstdealcreateddate',
    'customersince',
    'becameacustomerdate',
    'firstdealdate',
    'firstclosedwondate',
    'firstpurchasedate',
    'customerstartdate',
    'contractstartdate',
    'startdate',
    'createdate',
    'createddate',
    'datecreated',
  ],
  closedAt: [
    'closedate',
    'lastclosedwondate',
    'closeddate',
    'dateclosed',
    'closedwondate',
    'lastclosedate',
    'recentdealclosedate',
  ],
  acv: [
    'acv',
    'arr',
    'annualrecurringrevenue',
    'annualcontractvalue',
    'recurringrevenue',
    'contractvalue',
    'recentdealamount',
    'dealamount',
    'amount',
  ],
  ltv: [
    'ltv',
    'lifetimevalue',
    'totalrevenue',
    'customerlifetimevalue',
    'clv',
    'lifetimerevenue',
    'totalspend',
  ],
  nps: [
    'nps',
    'npsscore',
    'netpromoterscore',
    'csat',
    'csatscore',
    'customersatisfaction',
    'satisfactionscore',
    'satisfaction',
  ],
  adoption: [
    'adoption',
    'adoptionscore',
    'activeusers',
    'usage',
    'healthscore',
    'customerhealthscore',
    'usagescore',
    'productusage',
    'monthlyactiveusers',
    'mau',
    'licensesused',
    'seatsused',
  ],
};

/** Synonyms too vague to match inside a longer header (`Tax ID`, `Owner Name`, `Deal Type`). */
const EXACT_ONLY = new Set([
  'id',
  'name',
  'company',
  'account',
  'organization',
  'organisation',
  'type',
  'stage',
  'size',
  'staff',
  'web',
  'site',
  'url',
  'tools',
  'software',
  'stack',
  'amount',
  'usage',
]);

/** Header words that mean the column is about someone or something else than the account. */
const FOREIGN_WORDS = new Set(['parent', 'owner', 'contact', 'linkedin', 'facebook', 'twitter', 'logo']);

/**
 * Suggests which CSV column feeds each Bullseye field, by header name: for each field the best
 * matching header, in its original spelling, each header used once. A header equal to a synonym
 * (ignoring case, spacing and punctuation) beats one merely containing it as whole words
 * (`Annual Revenue (USD)`); among those, the synonym covering more of the header wins.
 */
export function suggestMapping(headers: readonly string[]): Partial<Record<AccountFieldKey, string>> {
  const normalised = headers.map((header) => ({
    header,
    compact: compactName(header),
    words: headerWords(header),
  }));
  const mapping: Partial<Record<AccountFieldKey, string>> = {};
  const used = new Set<number>();

  // Exact names: each normalised name belongs to one field, so fields cannot compete.
  for (const field of ACCOUNT_FIELD_KEYS) {
    for (const synonym of ACCOUNT_HEADER_SYNONYMS[field]) {
      const index = normalised.findIndex((h, i) => !used.has(i) && h.compact === synonym);
      if (index >= 0) {
        mapping[field] = headers[index];
        used.add(index);
        break;
      }
    }
  }

  // Headers containing a synonym as whole words, best covered first.
  const candidates: { field: AccountFieldKey; index: number; coverage: number; rank: number }[] = [];
  for (const field of ACCOUNT_FIELD_KEYS) {
    if (mapping[field] !== undefined) continue;
    ACCOUNT_HEADER_SYNONYMS[field].forEach((synonym, rank) => {
      if (EXACT_ONLY.has(synonym)) return;
      normalised.forEach((h, index) => {
        if (used.has(index) || h.words.some((w) => FOREIGN_WORDS.has(w))) return;
        if (containsWords(h.words, synonym)) {
          candidates.push({ field, index, coverage: synonym.length / h.compact.length, rank });
        }
      });
    });
  }
  candidates.sort((a, b) => b.coverage - a.coverage || a.rank - b.rank || a.index - b.index);
  for (const { field, index } of candidates) {
    if (mapping[field] !== undefined || used.has(index)) continue;
    mapping[field] = headers[index];
    used.add(index);
  }
  return mapping;
}

/**
 * The separator of a technologies column, from a few of its cells: `;` unless more cells use `,`
 * or `|`.
 */
export function defaultTechnologySeparator(sampleCells: readonly string[]): string {
  const cellsWith = (separator: string): number =>
    sampleCells.filter((cell) => cell.includes(separator)).length;
  const semicolons = cellsWith(';');
  const commas = cellsWith(',');
  const pipes = cellsWith('|');
  if (commas > semicolons && commas >= pipes) return ',';
  if (pipes > semicolons && pipes > commas) return '|';
  return ';';
}

/** `Country/Region` → `countryregion`; accents are dropped (`Société` → `societe`). */
function compactName(header: string): string {
  return headerWords(header).join('');
}

/** `Annual Revenue (USD)` → annual, revenue, usd; `annualRevenue` → annual, revenue. */
function headerWords(header: string): string[] {
  return header
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** Whether some run of consecutive `words` spells `compact`. */
function containsWords(words: readonly string[], compact: string): boolean {
  for (let start = 0; start < words.length; start++) {
    let spelled = '';
    for (let end = start; end < words.length && spelled.length < compact.length; end++) {
      spelled += words[end];
      if (spelled === compact) return true;
    }
  }
  return false;
}
