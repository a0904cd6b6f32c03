import { describe, expect, it } from 'vitest';
import { ACCOUNT_FIELD_KEYS } from './fields.js';
import { ACCOUNT_HEADER_SYNONYMS, defaultTechnologySeparator, suggestMapping } from './suggestMapping.js';

describe('suggestMapping', () => {
  it('maps a HubSpot company export', () => {
    const headers = [
      'Record ID',
      'Company name',
      'Company owner',
      'Create Date',
      'Company Domain Name',
      'Website URL',
      'Industry',
      'Number of Employees',
      'Annual Revenue',
      'Country/Region',
      'State/Region',
      'City',
      'Lifecycle Stage',
      'Lead Status',
      'Close Date',
      'First Deal Created Date',
      'Total Revenue',
      'Recent Deal Amount',
      'Annual recurring revenue',
      'Currency',
      'Web Technologies',
      'NPS',
      'CSAT',
      'Health score',
      'Last Activity Date',
    ];
    expect(suggestMapping(headers)).toEqual({
      externalId: 'Record ID',
      name: 'Company name',
      domain: 'Company Domain Name',
      industry: 'Industry',
      employees: 'Number of Employees',
      revenue: 'Annual Revenue',
      currency: 'Currency',
      country: 'Country/Region',
      region: 'State/Region',
      technologies: 'Web Technologies',
      status: 'Lifecycle Stage',
      firstDealAt: 'First Deal Created Date',
      closedAt: 'Close Date',
      acv: 'Annual recurring revenue',
      ltv: 'Total Revenue',
      nps: 'NPS',
      adoption: 'Health score',
    });
  });

  it('maps a Salesforce account report', () => {
    const headers = [
      'Account ID',
      'Account Name',
      'Account Owner',
      'Parent Account ID',
      'Website',
      'Industry',
      'Employees',
      'Annual Revenue',
      'Billing Street',
      'Billing City',
      'Billing State/Province',
      'Billing Country',
      'Type',
      'Account Currency',
      'Created Date',
      'Customer Since',
      'Last Closed Won Date',
      'ARR',
      'ACV',
      'LTV',
      'Lifetime Value',
      'NPS Score',
      'Active Users',
      'Adoption Score',
      'Technologies',
    ];
    expect(suggestMapping(headers)).toEqual({
      externalId: 'Account ID',
      name: 'Account Name',
      domain: 'Website',
      industry: 'Industry',
      employees: 'Employees',
      revenue: 'Annual Revenue',
      currency: 'Account Currency',
      country: 'Billing Country',
      region: 'Billing State/Province',
      technologies: 'Technologies',
      status: 'Type',
      firstDealAt: 'Customer Since',
      closedAt: 'Last Closed Won Date',
      acv: 'ACV',
      ltv: 'LTV',
      nps: 'NPS Score',
      adoption: 'Adoption Score',
    });
  });

  it('maps generic names', () => {
    const headers = [
      'id',
      'name',
      'domain',
      'employees',
      'revenue',
      'country',
      'state',
      'status',
      'tech stack',
      'ltv',
      'acv',
      'nps',
      'usage',
    ];
    expect(suggestMapping(headers)).toEqual({
      externalId: 'id',
      name: 'name',
      domain: 'domain',
      employees: 'employees',
      revenue: 'revenue',
      country: 'country',
      region: 'state',
      status: 'status',
      technologies: 'tech stack',
      ltv: 'ltv',
      acv: 'acv',
      nps: 'nps',
      adoption: 'usage',
    });
    expect(
      suggestMapping([
        'company',
        'website',
        'headcount',
        'region',
        'stage',
        'tech',
        'arr',
        'csat',
        'adoption',
      ]),
    ).toEqual({
      name: 'company',
      domain: 'website',
      employees: 'headcount',
      region: 'region',
      status: 'stage',
      technologies: 'tech',
      acv: 'arr',
      nps: 'csat',
      adoption: 'adoption',
    });
  });

  it('ignores case, spacing, punctuation and camelCase', () => {
    expect(
      suggestMapping([
        'COMPANY_NAME',
        'company-domain-name',
        'numberOfEmployees',
        '  Annual  Revenue ',
        'lifecyclestage',
      ]),
    ).toEqual({
      name: 'COMPANY_NAME',
      domain: 'company-domain-name',
      employees: 'numberOfEmployees',
      revenue: '  Annual  Revenue ',
      status: 'lifecyclestage',
    });
  });

  it('prefers exact names to headers containing a synonym', () => {
    expect(suggestMapping(['Annual Revenue (USD)', 'Revenue'])).toEqual({ revenue: 'Revenue' });
    expect(suggestMapping(['Industry group', 'Industry'])).toEqual({ industry: 'Industry' });
  });

  it('falls back to headers containing a synonym as whole words', () => {
    expect(
      suggestMapping([
        'Company Name (legal)',
        'Annual Revenue (USD)',
        'Employee Count 2024',
        'HQ Country',
        'Deal Stage',
      ]),
    ).toEqual({
      name: 'Company Name (legal)',
      revenue: 'Annual Revenue (USD)',
      employees: 'Employee Count 2024',
      country: 'HQ Country',
      status: 'Deal Stage',
    });
    // The synonym covering more of the header wins: recurring revenue is ACV, not revenue.
    expect(suggestMapping(['Recurring Revenue (EUR)'])).toEqual({ acv: 'Recurring Revenue (EUR)' });
    expect(suggestMapping(['Annual Revenue', 'Annual Revenue Currency'])).toEqual({
      revenue: 'Annual Revenue',
      currency: 'Annual Revenue Currency',
    });
  });

  it('does not match inside words or vague names inside longer headers', () => {
    expect(
      suggestMapping(['Carrier', 'Fintech Segment', 'Real Estate', 'Tax ID', 'Deal Type', 'Paid']),
    ).toEqual({});
    expect(suggestMapping(['Parent Company Name', 'Owner Name', 'LinkedIn Company Page URL'])).toEqual({});
  });

  it('uses each header once and keeps the first of two spellings of one name', () => {
    expect(suggestMapping(['Industry', 'industry'])).toEqual({ industry: 'Industry' });
    const mapping = suggestMapping(['Country/Region', 'Region']);
    expect(mapping).toEqual({ country: 'Country/Region', region: 'Region' });
    expect(suggestMapping([])).toEqual({});
  });

  it('gives every normalised synonym to one field only', () => {
    const seen = new Map<string, string>();
    for (const field of ACCOUNT_FIELD_KEYS) {
      for (const synonym of ACCOUNT_HEADER_SYNONYMS[field]) {
        expect(synonym).toMatch(/^[a-z0-9]+$/);
        expect(seen.get(synonym), synonym).toBeUndefined();
        seen.set(synonym, field);
      }
    }
  });
});

describe('defaultTechnologySeparator', () => {
  it.each([
    [['Salesforce; HubSpot', 'Slack;Zoom'], ';'],
    [['Salesforce, HubSpot', 'Slack, Zoom', 'Notion'], ','],
    [['React|Vue', 'Angular|Svelte'], '|'],
    [['Salesforce', 'HubSpot'], ';'],
    [[], ';'],
    [['a;b', 'c,d'], ';'],
    [['a,b', 'c|d'], ','],
    [['a|b', 'c|d', 'e,f'], '|'],
  ])('reads %j as %j', (cells, expected) => {
    expect(defaultTechnologySeparator(cells)).toBe(expected);
  });
});
