import { type AccountStatus } from './fields.js';

/**
 * CRM words for each status, written as compared: lowercase letters and digits only. Covers
 * HubSpot lifecycle stages and default deal stages, and Salesforce account types and default
 * opportunity stages.
 */
const STATUS_WORDS: Record<AccountStatus, readonly string[]> = {
  customer: [
    'customer',
    'customers',
    'customerdirect',
    'customerchannel',
    'evangelist',
    'currentcustomer',
    'activecustomer',
    'existingcustomer',
    'client',
    'activeclient',
  ],
  won: ['won', 'closedwon', 'dealwon', 'win'],
  lost: ['lost', 'closedlost', 'deallost', 'disqualified', 'loss'],
  churned: [
    'churned',
    'churn',
    'churnedcustomer',
    'formercustomer',
    'formerclient',
    'pastcustomer',
    'excustomer',
    'cancelled',
    'canceled',
  ],
  prospect: [
    'prospect',
    'prospects',
    'lead',
    'subscriber',
    'mql',
    'sql',
    'marketingqualifiedlead',
    'salesqualifiedlead',
    'opportunity',
    'open',
    'inprogress',
    // HubSpot default deal stages before closing.
    'appointmentscheduled',
    'qualifiedtobuy',
    'presentationscheduled',
    'decisionmakerboughtin',
    'contractsent',
    // Salesforce default opportunity stages before closing.
    'prospecting',
    'qualification',
    'needsanalysis',
    'valueproposition',
    'iddecisionmakers',
    'perceptionanalysis',
    'proposalpricequote',
    'negotiationreview',
  ],
};

/** Words that are known but say nothing about buying: partners, "other", placeholders. */
const NO_STATUS = new Set([
  '',
  'other',
  'partner',
  'channelpartnerreseller',
  'channelpartner',
  'installationpartner',
  'technologypartner',
  'reseller',
  'na',
  'none',
  'null',
  'unknown',
]);

const BY_WORD = new Map<string, AccountStatus>(
  Object.entries(STATUS_WORDS).flatMap(([status, words]) =>
    words.map((word) => [word, status as AccountStatus] as const),
  ),
);

/**
 * Reads a status cell from the usual CRM words, ignoring case, spacing and punctuation:
 * `Customer - Direct` → customer, `Closed Won` → won, `closedlost` → lost, `Former customer` →
 * churned, `MQL` → prospect. Returns null for "other", partners and empty cells, and 'invalid' for
 * words it does not know.
 */
export function parseAccountStatus(cell: string): AccountStatus | null | 'invalid' {
  const key = cell
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
  if (NO_STATUS.has(key)) return null;
  return BY_WORD.get(key) ?? 'invalid';
}
