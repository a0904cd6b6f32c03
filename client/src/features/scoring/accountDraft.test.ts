import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AccountDto } from '@bullseye/shared';
import {
  EMPTY_ACCOUNT,
  accountDraftOf,
  isBlankAccount,
  loadAccountDraft,
  readAccountDraft,
  saveAccountDraft,
} from './accountDraft.js';

describe('the account being tried', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('reads blanks as unknown and amounts as people type them', () => {
    const { account, problems } = readAccountDraft({
      ...EMPTY_ACCOUNT,
      industry: ' Fintech ',
      employees: '1.2k',
      revenue: 'lots',
      technologies: 'Salesforce, , HubSpot, salesforce',
    });
    expect(account).toEqual({
      industry: 'Fintech',
      country: null,
      region: null,
      employees: 1200,
      revenue: null,
      currency: null,
      technologies: ['Salesforce', 'HubSpot'],
    });
    expect(problems).toEqual({ revenue: 'Annual revenue: use digits like 1,200 or 1.2M.' });
  });

  it('fills the form from a dataset account', () => {
    const dto = {
      id: 7,
      externalId: null,
      name: null,
      domain: 'acme.io',
      industry: 'Software',
      employees: 250,
      revenue: 12_000_000,
      currency: 'EUR',
      country: 'France',
      region: null,
      technologies: ['Salesforce'],
    } as unknown as AccountDto;
    expect(accountDraftOf(dto, 'CRM export')).toEqual({
      picked: { name: 'acme.io', dataset: 'CRM export' },
      industry: 'Software',
      country: 'France',
      region: '',
      employees: '250',
      revenue: '12,000,000',
      currency: 'EUR',
      technologies: 'Salesforce',
    });
  });

  it('keeps the account per ICP in session storage, ignoring anything malformed', () => {
    const store = new Map<string, string>();
    vi.stubGlobal('sessionStorage', {
      getItem: (key: string) => store.get(key) ?? null,
      setItem: (key: string, value: string) => store.set(key, value),
      removeItem: (key: string) => store.delete(key),
    });
    const draft = { ...EMPTY_ACCOUNT, industry: 'Fintech', picked: { name: 'Acme', dataset: 'CRM' } };
    saveAccountDraft('icp-1', draft);
    expect(loadAccountDraft('icp-1')).toEqual(draft);
    expect(loadAccountDraft('icp-2')).toEqual(EMPTY_ACCOUNT);
    store.set('bullseye.tryAccount.icp-3', '{"industry": 3, "country": "FR", "picked": {"name": 1}}');
    expect(loadAccountDraft('icp-3')).toEqual({ ...EMPTY_ACCOUNT, country: 'FR' });
    store.set('bullseye.tryAccount.icp-4', 'not json');
    expect(loadAccountDraft('icp-4')).toEqual(EMPTY_ACCOUNT);
    saveAccountDraft('icp-1', EMPTY_ACCOUNT);
    expect(store.has('bullseye.tryAccount.icp-1')).toBe(false);
    expect(isBlankAccount(EMPTY_ACCOUNT)).toBe(true);
  });
});
