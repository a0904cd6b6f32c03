import {
  ACCOUNT_FIELD_KEYS,
  CURRENCIES,
  type AccountFieldKey,
  type Currency,
  type DatasetMapping,
} from '@bullseye/shared';

/** The mapping form's values: each field's header ('' when the file has none for it). */
export interface MappingDraft {
  columns: Record<AccountFieldKey, string>;
  ignored: string[];
  technologySeparator: string;
  defaultCurrency: Currency;
}

/**
 * The form's starting point from the server's suggestion: only headers the file has, each for one
 * field (the first field that names it keeps it).
 */
export function draftFrom(mapping: DatasetMapping | null, headers: readonly string[]): MappingDraft {
  const known = new Set(headers);
  const taken = new Set<string>();
  const columns = Object.fromEntries(ACCOUNT_FIELD_KEYS.map((k) => [k, ''])) as Record<
    AccountFieldKey,
    string
  >;
  for (const key of ACCOUNT_FIELD_KEYS) {
    const header = mapping?.columns[key];
    if (header !== undefined && known.has(header) && !taken.has(header)) {
      columns[key] = header;
      taken.add(header);
    }
  }
  const currency = mapping?.defaultCurrency;
  return {
    columns,
    ignored: (mapping?.ignored ?? []).filter((h) => known.has(h) && !taken.has(h)),
    technologySeparator: mapping?.technologySeparator ?? ';',
    defaultCurrency: currency && (CURRENCIES as readonly string[]).includes(currency) ? currency : 'USD',
  };
}

/** Which field each mapped header is used for. */
export function fieldsByHeader(draft: MappingDraft): Map<string, AccountFieldKey> {
  const used = new Map<string, AccountFieldKey>();
  for (const key of ACCOUNT_FIELD_KEYS) {
    const header = draft.columns[key];
    if (header) used.set(header, key);
  }
  return used;
}

/**
 * Maps `field` to `header` ('' for none). A header serves one field only: if another field had it,
 * that field is cleared. A mapped header is no longer ignored.
 */
export function chooseColumn(draft: MappingDraft, field: AccountFieldKey, header: string): MappingDraft {
  const columns = { ...draft.columns };
  if (header) {
    for (const key of ACCOUNT_FIELD_KEYS) if (key !== field && columns[key] === header) columns[key] = '';
  }
  columns[field] = header;
  return { ...draft, columns, ignored: draft.ignored.filter((h) => h !== header) };
}

/** Headers no field uses, in file order: kept as custom attributes unless ignored. */
export function remainingHeaders(draft: MappingDraft, headers: readonly string[]): string[] {
  const used = fieldsByHeader(draft);
  return headers.filter((h) => !used.has(h));
}

export function toggleIgnored(draft: MappingDraft, header: string, ignore: boolean): MappingDraft {
  const rest = draft.ignored.filter((h) => h !== header);
  return { ...draft, ignored: ignore ? [...rest, header] : rest };
}

/** What the server is sent. */
export function toMapping(draft: MappingDraft, headers: readonly string[]): DatasetMapping {
  const columns: DatasetMapping['columns'] = {};
  for (const key of ACCOUNT_FIELD_KEYS) {
    const header = draft.columns[key];
    if (header) columns[key] = header;
  }
  const remaining = new Set(remainingHeaders(draft, headers));
  return {
    columns,
    ignored: draft.ignored.filter((h) => remaining.has(h)),
    defaultCurrency: draft.defaultCurrency,
    technologySeparator: draft.technologySeparator,
  };
}

/** Up to `max` distinct non-empty values of a column in the preview rows, to recognise it by. */
export function sampleValues(
  headers: readonly string[],
  preview: readonly (readonly string[])[],
  header: string,
  max = 3,
): string[] {
  const index = headers.indexOf(header);
  if (index < 0) return [];
  const values: string[] = [];
  for (const row of preview) {
    const value = (row[index] ?? '').trim();
    if (value && !values.includes(value)) values.push(value);
    if (values.length >= max) break;
  }
  return values;
}

export type MappingErrorTarget = AccountFieldKey | 'technologySeparator' | 'defaultCurrency' | 'form';

/** Where a 400's `field` ("mapping.columns.industry", "mapping.technologySeparator") is shown. */
export function mappingErrorTarget(field: string | undefined): MappingErrorTarget {
  if (!field) return 'form';
  const last = field.split('.').pop() ?? '';
  if (last === 'technologySeparator' || last === 'defaultCurrency') return last;
  if ((ACCOUNT_FIELD_KEYS as string[]).includes(last)) return last as AccountFieldKey;
  return 'form';
}

/** Advice before importing: what the data will not be able to do with this mapping. */
export function mappingAdvice(draft: MappingDraft): string[] {
  const advice: string[] = [];
  if (!draft.columns.externalId && !draft.columns.domain) {
    advice.push(
      'Neither a record id nor a domain is mapped: a later re-import cannot recognise these accounts and would add them again.',
    );
  }
  if (!draft.columns.name && !draft.columns.domain) {
    advice.push(
      'Neither a company name nor a domain is mapped: accounts will be hard to recognise in lists.',
    );
  }
  if (!draft.columns.status) {
    advice.push('No status is mapped: the insights cannot tell customers from lost deals or prospects.');
  }
  return advice;
}
