import * as Y from 'yjs';
import {
  addListItem,
  compileScoringModel,
  geographyCountries,
  sampleAccounts,
  toCanonical,
  writeAcceptableBand,
  writeDisqualifierRule,
  writeImportance,
  writeRange,
  type SampleAccount,
  type ScoringAccount,
  type ScoringModel,
} from '@bullseye/shared';
import { CSV_SEED } from './accountCsv.js';

/**
 * The ICP the scoring part scores with, as plain values: written into a Y.Doc with shared's
 * accessors (what the editor does), and read by the hand-written reference below.
 */
export const BENCH_ICP = {
  industries: ['B2B SaaS', 'Fintech', 'Cybersecurity'],
  employees: { ideal: { min: 201, max: 1_000 }, acceptable: { min: 50, max: 5_000 } },
  revenue: { ideal: { min: 20_000_000, max: 500_000_000 }, currency: 'USD' },
  geographies: ['North America', 'United Kingdom', 'DACH'],
  technologies: ['Snowflake', 'Salesforce', 'HubSpot'],
  /** Must have 3, strong 2, nice 1, or an explicit weight. */
  weights: { industries: 3, employees: 2, revenue: 1, geographies: 2, technologies: 1.5 },
  disqualifiedIndustries: ['Public sector'],
  /** Employees below this disqualify. */
  minEmployees: 10,
  /** Default grade thresholds: B starts at 60, so a missed must-have caps the score at 59. */
  capBelowB: 59,
} as const;

/**
 * Writes BENCH_ICP into `doc` as a team would in the editor: three industries (must have), an
 * employee range with an acceptable band (strong), a revenue range (nice to have), geographies with
 * the "North America" group (strong), technologies (weight 1.5), two rule disqualifiers (industry
 * is Public sector, employees below 10) and one free-text disqualifier (a manual check).
 */
export function writeBenchIcp(doc: Y.Doc): void {
  const icp = BENCH_ICP;
  for (const text of icp.industries) addListItem(doc, 'industries', text);
  writeRange(doc, 'employees', icp.employees.ideal);
  writeAcceptableBand(doc, 'employees', icp.employees.acceptable);
  writeRange(doc, 'revenue', { ...icp.revenue.ideal, currency: icp.revenue.currency });
  for (const text of icp.geographies) addListItem(doc, 'geographies', text);
  for (const text of icp.technologies) addListItem(doc, 'technologies', text);
  writeImportance(doc, 'industries', 'must');
  writeImportance(doc, 'employees', 'strong');
  writeImportance(doc, 'revenue', 'nice');
  writeImportance(doc, 'geographies', 'strong');
  writeImportance(doc, 'technologies', icp.weights.technologies);
  const government = addListItem(doc, 'disqualifiers', 'Government agencies');
  writeDisqualifierRule(doc, government.id, {
    field: 'industry',
    op: 'is',
    values: [...icp.disqualifiedIndustries],
  });
  const tiny = addListItem(doc, 'disqualifiers', 'Too small to need a sales platform');
  writeDisqualifierRule(doc, tiny.id, { field: 'employees', op: 'below', value: icp.minEmployees });
  addListItem(doc, 'disqualifiers', 'No dedicated sales team');
}

/** A Y.Doc holding BENCH_ICP (its update is what the server's ICP receives) and its compiled model. */
export function benchIcp(): { doc: Y.Doc; model: ScoringModel } {
  const doc = new Y.Doc();
  writeBenchIcp(doc);
  return { doc, model: compileScoringModel(toCanonical(doc)) };
}

/** What scoring reads of a generated account (its CRM record id aside). */
export function scoringAccountOf(a: SampleAccount): ScoringAccount {
  return {
    industry: a.industry,
    country: a.country,
    region: a.region,
    employees: a.employees,
    revenue: a.revenue,
    currency: a.currency,
    technologies: a.technologies,
  };
}

/** The same accounts as the generated CSV (`writeSampleCsv`: same seed), as scoring reads them. */
export function benchAccounts(count: number): ScoringAccount[] {
  const accounts: ScoringAccount[] = [];
  for (const account of sampleAccounts(count, CSV_SEED)) accounts.push(scoringAccountOf(account));
  return accounts;
}

/**
 * The least code that scores BENCH_ICP: its rules written out by hand with plain Sets and
 * comparisons, no model, no explanation. It follows the scorer's rules exactly (text compared
 * trimmed and lowercased, countries through the same group and alias table, unknown values
 * neither match nor miss, revenue in another currency unknown, a missed must-have capped below
 * B), so its scores must equal `scoreOnly`'s for every account; the bench checks that.
 */
export function referenceScorer(): (account: ScoringAccount) => number {
  const icp = BENCH_ICP;
  const w = icp.weights;
  const key = (text: string): string => text.trim().toLowerCase();
  const industries = new Set(icp.industries.map(key));
  const banned = new Set(icp.disqualifiedIndustries.map(key));
  const countries = new Set(icp.geographies.flatMap((g) => geographyCountries(g)).map(key));
  const regions = new Set(icp.geographies.map(key));
  const technologies = new Set(icp.technologies.map(key));
  const { ideal, acceptable } = icp.employees;
  const revenue = icp.revenue.ideal;
  const known = (text: string | null | undefined): text is string =>
    typeof text === 'string' && text.trim() !== '';

  return (a) => {
    const industry = known(a.industry) ? key(a.industry) : null;
    const employees = typeof a.employees === 'number' && Number.isFinite(a.employees) ? a.employees : null;
    if (industry !== null && banned.has(industry)) return 0;
    if (employees !== null && employees < icp.minEmployees) return 0;
    let weight = 0;
    let earned = 0;
    let capped = false;
    if (industry !== null) {
      weight += w.industries;
      if (industries.has(industry)) earned += w.industries;
      else capped = true;
    }
    if (employees !== null) {
      weight += w.employees;
      if (employees >= ideal.min && employees <= ideal.max) earned += w.employees;
      else if (employees >= acceptable.min && employees <= acceptable.max) earned += w.employees / 2;
    }
    if (
      typeof a.revenue === 'number' &&
      Number.isFinite(a.revenue) &&
      (!known(a.currency) || a.currency.trim().toUpperCase() === icp.revenue.currency)
    ) {
      weight += w.revenue;
      if (a.revenue >= revenue.min && a.revenue <= revenue.max) earned += w.revenue;
    }
    if (known(a.country) || known(a.region)) {
      weight += w.geographies;
      if (
        (known(a.country) && countries.has(key(a.country))) ||
        (known(a.region) && regions.has(key(a.region)))
      )
        earned += w.geographies;
    }
    const techs = a.technologies;
    if (techs && techs.length > 0) {
      weight += w.technologies;
      for (const tech of techs) {
        if (known(tech) && technologies.has(key(tech))) {
          earned += w.technologies;
          break;
        }
      }
    }
    if (weight === 0) return -1;
    const score = Math.round((100 * earned) / weight);
    return capped ? Math.min(score, icp.capBelowB) : score;
  };
}
