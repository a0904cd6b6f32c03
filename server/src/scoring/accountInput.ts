import type { ScoringAccount } from '@bullseye/shared';
import { technologiesOf, type StoredAccount } from '../db/accountStore.js';

/** The stored columns scoring reads (plus the name and domain lists show). */
export const SCORED_COLUMNS = [
  'name',
  'domain',
  'external_id',
  'industry',
  'country',
  'region',
  'employees',
  'revenue',
  'currency',
  'technologies',
  'status',
  'acv',
] as const satisfies readonly (keyof StoredAccount)[];

export type ScoredRow = Pick<StoredAccount, (typeof SCORED_COLUMNS)[number] | 'id'>;

/** A stored account as scoring reads it (technologies are JSON text in the table). */
export function scoringAccountOf(row: ScoredRow): ScoringAccount {
  return {
    industry: row.industry,
    country: row.country,
    region: row.region,
    employees: row.employees,
    revenue: row.revenue,
    currency: row.currency,
    technologies: technologiesOf(row.technologies),
  };
}
