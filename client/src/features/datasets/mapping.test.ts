import { describe, expect, it } from 'vitest';
import {
  chooseColumn,
  draftFrom,
  mappingAdvice,
  mappingErrorTarget,
  remainingHeaders,
  sampleValues,
  toMapping,
  toggleIgnored,
} from './mapping.js';

const headers = ['Company', 'Website', 'Industry', 'Owner', 'Notes'];

describe('mapping draft', () => {
  it('starts from the suggestion, keeping known headers once', () => {
    const draft = draftFrom(
      {
        columns: { name: 'Company', domain: 'Website', industry: 'Company', region: 'Gone' },
        ignored: ['Notes', 'Missing'],
        defaultCurrency: 'EUR',
        technologySeparator: ',',
      },
      headers,
    );
    expect(draft.columns.name).toBe('Company');
    expect(draft.columns.industry).toBe('');
    expect(draft.columns.region).toBe('');
    expect(draft.ignored).toEqual(['Notes']);
    expect(draft.defaultCurrency).toBe('EUR');
    expect(draft.technologySeparator).toBe(',');
  });

  it('has defaults without a suggestion', () => {
    const draft = draftFrom(null, headers);
    expect(draft.defaultCurrency).toBe('USD');
    expect(draft.technologySeparator).toBe(';');
    expect(remainingHeaders(draft, headers)).toEqual(headers);
  });

  it('gives a header to one field only, and un-ignores it when mapped', () => {
    let draft = draftFrom(
      { columns: { name: 'Company' }, ignored: ['Owner'], defaultCurrency: 'USD', technologySeparator: ';' },
      headers,
    );
    draft = chooseColumn(draft, 'industry', 'Company');
    expect(draft.columns.name).toBe('');
    expect(draft.columns.industry).toBe('Company');
    draft = chooseColumn(draft, 'externalId', 'Owner');
    expect(draft.ignored).toEqual([]);
  });

  it('sends mapped columns, and ignored headers only among the remaining ones', () => {
    let draft = draftFrom(null, headers);
    draft = chooseColumn(draft, 'name', 'Company');
    draft = toggleIgnored(draft, 'Notes', true);
    draft = toggleIgnored(draft, 'Owner', true);
    draft = toggleIgnored(draft, 'Owner', false);
    expect(toMapping(draft, headers)).toEqual({
      columns: { name: 'Company' },
      ignored: ['Notes'],
      defaultCurrency: 'USD',
      technologySeparator: ';',
    });
    expect(remainingHeaders(draft, headers)).toEqual(['Website', 'Industry', 'Owner', 'Notes']);
  });
});

describe('mapping helpers', () => {
  it('shows distinct non-empty sample values', () => {
    const preview = [
      ['Acme', 'acme.com'],
      ['', 'x.io'],
      ['Acme', ''],
      ['Globex', 'g.com'],
    ];
    expect(sampleValues(['Company', 'Website'], preview, 'Company')).toEqual(['Acme', 'Globex']);
    expect(sampleValues(['Company', 'Website'], preview, 'Website', 2)).toEqual(['acme.com', 'x.io']);
    expect(sampleValues(['Company'], preview, 'Nope')).toEqual([]);
  });

  it('puts a refusal next to the field it names', () => {
    expect(mappingErrorTarget('mapping.columns.industry')).toBe('industry');
    expect(mappingErrorTarget('mapping.technologySeparator')).toBe('technologySeparator');
    expect(mappingErrorTarget('mapping.ignored.0')).toBe('form');
    expect(mappingErrorTarget(undefined)).toBe('form');
  });

  it('advises when re-imports or insights will suffer', () => {
    const draft = draftFrom(null, headers);
    expect(mappingAdvice(draft)).toHaveLength(3);
    const good = chooseColumn(chooseColumn(draft, 'domain', 'Website'), 'status', 'Industry');
    expect(mappingAdvice(good)).toEqual([]);
  });
});
