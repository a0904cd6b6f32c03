import { type Band, type CoverageDto, type Evidence, type ProfileCriteria } from '../validation/datasets.js';
import { dictionaryKey, dictionaryMatches, type AccountColumns } from './accountColumns.js';

/** Other ways CRM exports write a country (ISO codes included), by the name used in the groups. */
const COUNTRY_ALIASES: Record<string, readonly string[]> = {
  'United States': ['US', 'USA', 'U.S.', 'U.S.A.', 'United States of America', 'America'],
  'United Kingdom': ['UK', 'U.K.', 'GB', 'GBR', 'Great Britain', 'Britain'],
  Canada: ['CA', 'CAN'],
  Mexico: ['MX', 'MEX'],
  Germany: ['DE', 'DEU', 'Deutschland'],
  Austria: ['AT', 'AUT', 'Österreich'],
  Switzerland: ['CH', 'CHE', 'Schweiz', 'Suisse'],
  France: ['FR', 'FRA'],
  Netherlands: ['NL', 'NLD', 'The Netherlands', 'Holland'],
  Belgium: ['BE', 'BEL'],
  Luxembourg: ['LU', 'LUX'],
  Ireland: ['IE', 'IRL', 'Republic of Ireland'],
  Sweden: ['SE', 'SWE', 'Sverige'],
  Norway: ['NO', 'NOR', 'Norge'],
  Denmark: ['DK', 'DNK', 'Danmark'],
  Finland: ['FI', 'FIN', 'Suomi'],
  Iceland: ['IS', 'ISL'],
  Spain: ['ES', 'ESP', 'España'],
  Portugal: ['PT', 'PRT'],
  Italy: ['IT', 'ITA', 'Italia'],
  Greece: ['GR', 'GRC'],
  Poland: ['PL', 'POL', 'Polska'],
  'Czech Republic': ['CZ', 'CZE', 'Czechia'],
  Australia: ['AU', 'AUS'],
  'New Zealand': ['NZ', 'NZL'],
  Japan: ['JP', 'JPN'],
  India: ['IN', 'IND'],
  Singapore: ['SG', 'SGP'],
  China: ['CN', 'CHN'],
  'Hong Kong': ['HK', 'HKG'],
  'South Korea': ['KR', 'KOR', 'Korea', 'Republic of Korea'],
  Brazil: ['BR', 'BRA', 'Brasil'],
  Argentina: ['AR', 'ARG'],
  Chile: ['CL', 'CHL'],
  Colombia: ['CO', 'COL'],
  Peru: ['PE', 'PER'],
  'United Arab Emirates': ['AE', 'ARE', 'UAE', 'U.A.E.'],
  'Saudi Arabia': ['SA', 'SAU', 'KSA'],
  Israel: ['IL', 'ISR'],
  Qatar: ['QA', 'QAT'],
  'South Africa': ['ZA', 'ZAF'],
  Nigeria: ['NG', 'NGA'],
  Kenya: ['KE', 'KEN'],
  Egypt: ['EG', 'EGY'],
};

const NORDICS = ['Sweden', 'Norway', 'Denmark', 'Finland', 'Iceland'];
const DACH = ['Germany', 'Austria', 'Switzerland'];
const BENELUX = ['Belgium', 'Netherlands', 'Luxembourg'];
const SOUTHERN_EUROPE = ['Spain', 'Portugal', 'Italy', 'Greece'];
const EUROPE = [
  ...DACH,
  ...BENELUX,
  ...NORDICS,
  ...SOUTHERN_EUROPE,
  'United Kingdom',
  'Ireland',
  'France',
  'Poland',
  'Czech Republic',
];
const MIDDLE_EAST = ['United Arab Emirates', 'Saudi Arabia', 'Israel', 'Qatar'];
const AFRICA = ['South Africa', 'Nigeria', 'Kenya', 'Egypt'];
const APAC = ['Australia', 'New Zealand', 'Japan', 'India', 'Singapore', 'China', 'Hong Kong', 'South Korea'];
const LATAM = ['Brazil', 'Mexico', 'Argentina', 'Chile', 'Colombia', 'Peru'];

/** The geographies the ICP template suggests (and common spellings), as the countries they hold. */
const GEOGRAPHY_GROUPS: Record<string, readonly string[]> = {
  'north america': ['United States', 'Canada'],
  'uk & ireland': ['United Kingdom', 'Ireland'],
  'uk and ireland': ['United Kingdom', 'Ireland'],
  ukireland: ['United Kingdom', 'Ireland'],
  dach: DACH,
  nordics: NORDICS,
  'nordic countries': NORDICS,
  scandinavia: ['Sweden', 'Norway', 'Denmark'],
  benelux: BENELUX,
  'southern europe': SOUTHERN_EUROPE,
  europe: EUROPE,
  emea: [...EUROPE, ...MIDDLE_EAST, ...AFRICA],
  'middle east': MIDDLE_EAST,
  africa: AFRICA,
  apac: APAC,
  'asia pacific': APAC,
  'asia-pacific': APAC,
  anz: ['Australia', 'New Zealand'],
  latam: LATAM,
  'latin america': LATAM,
  americas: ['United States', 'Canada', ...LATAM],
};

/** Codes a chip may use for a country; other codes ("CA", "IN") are read only on the data side. */
const CHIP_CODES = new Set(['us', 'usa', 'uk', 'uae', 'ksa']);
const isCode = (alias: string): boolean => /^[A-Z]{2,3}$/.test(alias);

/** Country spellings (with aliases) by the lowercased name or alias a chip may use for them. */
const COUNTRY_SPELLINGS = new Map<string, readonly string[]>();
for (const [country, aliases] of Object.entries(COUNTRY_ALIASES)) {
  const spellings = [country, ...aliases];
  for (const spelling of spellings) {
    const key = dictionaryKey(spelling);
    if (!isCode(spelling) || CHIP_CODES.has(key)) COUNTRY_SPELLINGS.set(key, spellings);
  }
}

/**
 * The country names a geography chip may stand for: itself and its country's other spellings
 * ("USA", "US" for "United States"), or those of the countries of a group the template suggests
 * ("DACH", "North America", "EMEA"). Ambiguous codes a chip might mean otherwise ("CA", "IN") stand
 * only for themselves.
 */
export function geographyCountries(text: string): string[] {
  const key = dictionaryKey(text);
  const countries = GEOGRAPHY_GROUPS[key] ?? [text];
  return countries.flatMap((country) => COUNTRY_SPELLINGS.get(dictionaryKey(country)) ?? [country]);
}

/**
 * Whether a geography chip names a country or a group of countries this code knows; otherwise it
 * may be a region or a city, which scoring matches on the account's region too.
 */
export function isKnownGeography(text: string): boolean {
  const key = dictionaryKey(text);
  return key in GEOGRAPHY_GROUPS || COUNTRY_SPELLINGS.has(key);
}

type Chip = ProfileCriteria['industries'][number];

const has = (table: Uint8Array): boolean => table.some((x) => x === 1);

function orInto(target: Uint8Array, source: Uint8Array): void {
  for (let i = 0; i < target.length; i++) target[i] = target[i]! | source[i]!;
}

/** The evidence value of a chip when it was added from that dimension. */
const evidenceValue = (chip: Chip, ...dimensions: Evidence['dimension'][]): string[] =>
  chip.evidence && dimensions.includes(chip.evidence.dimension) ? [chip.evidence.value] : [];

const percent = (x: number): number => Math.round(x * 100);

interface Range {
  min: number;
  max: number;
}

/** A range criterion as bounds (null bounds open), or null when both are unset. */
function rangeOf(range: ProfileCriteria['employees']): Range | null {
  if (range.min === null && range.max === null) return null;
  return { min: range.min ?? Number.NEGATIVE_INFINITY, max: range.max ?? Number.POSITIVE_INFINITY };
}

/** A numeric band as bounds, read the way bandIndex reads it: whole part within the ends. */
function bandBounds(band: Band): Range {
  return {
    min: band.min ?? Number.NEGATIVE_INFINITY,
    max: band.max === null ? Number.POSITIVE_INFINITY : Math.floor(band.max) + 1,
  };
}

/** Whether `value` lies in one of the bands' bounds (max exclusive, as bandBounds gives it). */
function inAny(bands: readonly Range[], value: number): boolean {
  for (const band of bands) if (value >= band.min && value < band.max) return true;
  return false;
}

/**
 * How the draft's criteria meet the data: an account matches when, for every group with criteria,
 * its industry equals a chip (ignoring case) or the chip's evidence value; its country or region
 * equals a geography chip (country aliases and template groups such as "DACH" or "North America"
 * count: see geographyCountries); it runs one of the technology chips; its employees and revenue
 * lie within the ranges (inclusive, unset bounds open, currency ignored); and no disqualifier
 * applies. An unknown value fails its group. A disqualifier is checked only through its evidence
 * (the dimension and value, or band for numbers) and applies when the account has that value or
 * lies in that band. Chips matching nothing in the data and disqualifiers without usable evidence
 * are listed in `unchecked`; `checked` counts the criteria used (each chip, each range,
 * each disqualifier). Coverage is the share of best customers (`bestMask`) matched, breadth the
 * share of all accounts.
 */
export function profileCoverage(
  c: AccountColumns,
  bestMask: Uint8Array,
  criteria: ProfileCriteria,
): CoverageDto {
  const d = c.dictionaries;
  let checked = 0;
  const unchecked: string[] = [];

  /** Resolves chips into one table; chips that match nothing are unchecked. */
  const chipTable = (
    chips: readonly Chip[],
    dictionary: readonly string[],
    textsOf: (chip: Chip) => string[],
  ): Uint8Array => {
    const table = new Uint8Array(dictionary.length + 1);
    for (const chip of chips) {
      if (chip.text.trim() === '' && !chip.evidence) continue;
      const matches = dictionaryMatches(dictionary, textsOf(chip));
      if (has(matches)) {
        orInto(table, matches);
        checked++;
      } else unchecked.push(chip.text);
    }
    return table;
  };

  const industries = chipTable(criteria.industries, d.industry, (chip) => [
    chip.text,
    ...evidenceValue(chip, 'industry'),
  ]);
  const technologies = chipTable(criteria.technologies, d.technologies, (chip) => [
    chip.text,
    ...evidenceValue(chip, 'technologies'),
  ]);

  const countries = new Uint8Array(d.country.length + 1);
  const regions = new Uint8Array(d.region.length + 1);
  for (const chip of criteria.geographies) {
    if (chip.text.trim() === '' && !chip.evidence) continue;
    const byCountry = dictionaryMatches(d.country, [
      ...geographyCountries(chip.text),
      ...evidenceValue(chip, 'country'),
    ]);
    const byRegion = dictionaryMatches(d.region, [chip.text, ...evidenceValue(chip, 'region')]);
    if (has(byCountry) || has(byRegion)) {
      orInto(countries, byCountry);
      orInto(regions, byRegion);
      checked++;
    } else unchecked.push(chip.text);
  }

  const employees = rangeOf(criteria.employees);
  const revenue = rangeOf(criteria.revenue);
  if (employees) checked++;
  if (revenue) checked++;

  // Disqualifiers, by what their evidence names.
  const out = {
    industry: new Uint8Array(d.industry.length + 1),
    country: new Uint8Array(d.country.length + 1),
    region: new Uint8Array(d.region.length + 1),
    technologies: new Uint8Array(d.technologies.length + 1),
  };
  const outEmployees: Range[] = [];
  const outRevenue: Range[] = [];
  for (const chip of criteria.disqualifiers) {
    const evidence = chip.evidence;
    const dimension = evidence?.dimension;
    let usable = false;
    if (dimension === 'employees' || dimension === 'revenue') {
      if (evidence?.band) {
        (dimension === 'employees' ? outEmployees : outRevenue).push(bandBounds(evidence.band));
        usable = true;
      }
    } else if (evidence && dimension) {
      const matches = dictionaryMatches(d[dimension], [evidence.value]);
      if (has(matches)) {
        orInto(out[dimension], matches);
        usable = true;
      }
    }
    if (usable) checked++;
    else unchecked.push(chip.text);
  }

  const useIndustries = has(industries);
  const useGeographies = has(countries) || has(regions);
  const useTechnologies = has(technologies);
  const outTechnologies = has(out.technologies);

  let bestCount = 0;
  let bestMatched = 0;
  let allMatched = 0;
  const { techOffsets, techValues } = c;
  for (let i = 0; i < c.count; i++) {
    bestCount += bestMask[i]!;
    if (useIndustries && !industries[c.industry[i]!]) continue;
    if (useGeographies && !countries[c.country[i]!] && !regions[c.region[i]!]) continue;
    if (out.industry[c.industry[i]!] || out.country[c.country[i]!] || out.region[c.region[i]!]) continue;
    const e = c.employees[i]!;
    if (employees && !(e >= employees.min && e <= employees.max)) continue;
    if (inAny(outEmployees, e)) continue;
    const r = c.revenue[i]!;
    if (revenue && !(r >= revenue.min && r <= revenue.max)) continue;
    if (inAny(outRevenue, r)) continue;
    if (useTechnologies || outTechnologies) {
      let runs = false;
      let disqualified = false;
      for (let j = techOffsets[i]!; j < techOffsets[i + 1]!; j++) {
        const t = techValues[j]!;
        if (technologies[t]) runs = true;
        if (out.technologies[t]) disqualified = true;
      }
      if ((useTechnologies && !runs) || disqualified) continue;
    }
    allMatched++;
    bestMatched += bestMask[i]!;
  }

  const total = c.count;
  const coverage = bestCount > 0 ? bestMatched / bestCount : 0;
  const breadth = total > 0 ? allMatched / total : 0;
  return {
    total,
    bestCount,
    bestMatched,
    allMatched,
    coverage,
    breadth,
    checked,
    unchecked,
    verdict: coverageVerdict({ checked, bestCount, bestMatched, coverage, breadth }),
  };
}

/** Reads coverage and breadth in one sentence. */
function coverageVerdict(r: {
  checked: number;
  bestCount: number;
  bestMatched: number;
  coverage: number;
  breadth: number;
}): string {
  if (r.checked === 0) {
    return 'Add industries, size, revenue, geographies or technologies to compare the profile with the data.';
  }
  if (r.breadth > 0.6) return `Vague: the profile matches ${percent(r.breadth)}% of all accounts.`;
  if (r.bestCount === 0) {
    return `No best customers to compare with: the profile matches ${percent(r.breadth)}% of all accounts.`;
  }
  if (r.coverage < 0.5) {
    const left = Math.round((100 * (r.bestCount - r.bestMatched)) / r.bestCount);
    return `Too narrow: it leaves out ${left}% of your best customers.`;
  }
  return `Focused: it covers ${percent(r.coverage)}% of your best customers and ${percent(r.breadth)}% of all accounts.`;
}
