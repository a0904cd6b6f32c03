import type { AccountDto, ScoringAccount } from '@bullseye/shared';
import { amountProblemText, formatExact, readAmount } from '../../editor/numberFormat.js';
import { splitCommaList } from './commaList.js';

/** An account as the "Try an account" form holds it: text as typed. */
export interface AccountDraft {
  /** The account's name and dataset when it was picked from one (a label, not scored). */
  picked: { name: string; dataset: string } | null;
  industry: string;
  country: string;
  region: string;
  employees: string;
  revenue: string;
  /** ISO code of the revenue; empty: the ICP's revenue currency. */
  currency: string;
  /** Comma-separated. */
  technologies: string;
}

export const EMPTY_ACCOUNT: AccountDraft = {
  picked: null,
  industry: '',
  country: '',
  region: '',
  employees: '',
  revenue: '',
  currency: '',
  technologies: '',
};

const TEXT_FIELDS = [
  'industry',
  'country',
  'region',
  'employees',
  'revenue',
  'currency',
  'technologies',
] as const;

/** Nothing typed: there is no account to score. */
export function isBlankAccount(draft: AccountDraft): boolean {
  return TEXT_FIELDS.every((field) => draft[field].trim() === '');
}

export interface AccountReading {
  account: ScoringAccount;
  /** Amounts that could not be read (scored as unknown), with what to change. */
  problems: Partial<Record<'employees' | 'revenue', string>>;
}

const text = (value: string): string | null => value.trim() || null;

/** What scoring reads of the form: empty fields are unknown, amounts accept 250k or 2.5M. */
export function readAccountDraft(draft: AccountDraft): AccountReading {
  const problems: AccountReading['problems'] = {};
  const amount = (field: 'employees' | 'revenue', label: string): number | null => {
    const reading = readAmount(draft[field]);
    if (reading.ok) return reading.value;
    const problem = amountProblemText(reading.problem, Number.MAX_SAFE_INTEGER);
    problems[field] = reading.problem === 'unreadable' ? `${label}: ${problem}.` : `${label} ${problem}.`;
    return null;
  };
  const technologies = splitCommaList(draft.technologies);
  return {
    account: {
      industry: text(draft.industry),
      country: text(draft.country),
      region: text(draft.region),
      employees: amount('employees', 'Employees'),
      revenue: amount('revenue', 'Annual revenue'),
      currency: text(draft.currency),
      technologies: technologies.length > 0 ? technologies : null,
    },
    problems,
  };
}

/** The form filled with an account picked from a dataset. */
export function accountDraftOf(account: AccountDto, datasetName: string): AccountDraft {
  return {
    picked: {
      name: account.name ?? account.domain ?? account.externalId ?? `Account ${account.id}`,
      dataset: datasetName,
    },
    industry: account.industry ?? '',
    country: account.country ?? '',
    region: account.region ?? '',
    employees: formatExact(account.employees),
    revenue: formatExact(account.revenue),
    currency: account.currency ?? '',
    technologies: account.technologies.join(', '),
  };
}

const storageKey = (icpId: string) => `bullseye.tryAccount.${icpId}`;

/** The account this tab last tried on this ICP (kept across reloads, not across tabs). */
export function loadAccountDraft(icpId: string): AccountDraft {
  try {
    const stored: unknown = JSON.parse(sessionStorage.getItem(storageKey(icpId)) ?? 'null');
    if (typeof stored !== 'object' || stored === null) return EMPTY_ACCOUNT;
    const record = stored as Record<string, unknown>;
    const draft = { ...EMPTY_ACCOUNT };
    for (const field of TEXT_FIELDS) {
      if (typeof record[field] === 'string') draft[field] = record[field];
    }
    const picked = record.picked as Record<string, unknown> | null | undefined;
    if (picked && typeof picked.name === 'string' && typeof picked.dataset === 'string') {
      draft.picked = { name: picked.name, dataset: picked.dataset };
    }
    return draft;
  } catch {
    return EMPTY_ACCOUNT;
  }
}

export function saveAccountDraft(icpId: string, draft: AccountDraft): void {
  try {
    if (isBlankAccount(draft)) sessionStorage.removeItem(storageKey(icpId));
    else sessionStorage.setItem(storageKey(icpId), JSON.stringify(draft));
  } catch {
    // Storage full or disabled: the account is simply not kept.
  }
}
