import { useId, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import {
  ACCOUNT_FIELDS,
  CURRENCIES,
  accountFieldOf,
  type AccountFieldKey,
  type Currency,
  type ImportDto,
} from '@bullseye/shared';
import { asApiError } from '../../api/apiError.js';
import { datasetsApi } from '../../api/datasetsApi.js';
import { FormError } from '../../ui/FormError.js';
import { PreviewTable } from './PreviewTable.js';
import {
  chooseColumn,
  draftFrom,
  fieldsByHeader,
  mappingAdvice,
  mappingErrorTarget,
  remainingHeaders,
  sampleValues,
  toMapping,
  toggleIgnored,
  type MappingDraft,
  type MappingErrorTarget,
} from './mapping.js';

const DELIMITER_NAMES: Record<string, string> = {
  ',': 'commas (,)',
  ';': 'semicolons (;)',
  '\t': 'tabs',
  '|': 'vertical bars (|)',
};

export function delimiterName(delimiter: string | null): string | null {
  if (!delimiter) return null;
  return DELIMITER_NAMES[delimiter] ?? `“${delimiter}”`;
}

interface MappingStepProps {
  imp: ImportDto;
  canManage: boolean;
  /** Who decides, for readers ("Ana"). */
  starter: string;
  onApplied: (dto: ImportDto) => void;
  cancelButton: ReactNode;
  /** A re-import: fields the file lacks keep the values the accounts have. */
  reimport?: boolean;
}

/** Which column of the file is which account field: prefilled with the server's suggestion. */
export function MappingStep({
  imp,
  canManage,
  starter,
  onApplied,
  cancelButton,
  reimport = false,
}: MappingStepProps) {
  const [draft, setDraft] = useState<MappingDraft>(() => draftFrom(imp.mapping, imp.headers));
  const [errors, setErrors] = useState<Partial<Record<MappingErrorTarget, string>>>({});
  const [busy, setBusy] = useState(false);
  const used = useMemo(() => fieldsByHeader(draft), [draft]);
  const remaining = remainingHeaders(draft, imp.headers);
  const advice = mappingAdvice(draft);
  const separatorId = useId();
  const currencyId = useId();
  const delimiter = delimiterName(imp.delimiter);
  const suggested = Object.keys(imp.mapping?.columns ?? {}).length;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    if (!draft.technologySeparator) {
      setErrors({ technologySeparator: 'Technology separator must not be empty.' });
      requestAnimationFrame(() => formElement.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    setBusy(true);
    setErrors({});
    try {
      onApplied(await datasetsApi.updateMapping(imp.id, toMapping(draft, imp.headers)));
    } catch (e) {
      const error = asApiError(e);
      const target = mappingErrorTarget(error.field);
      const prefix = `${error.field}: `;
      const text =
        error.field && error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
      setErrors({ [target]: sentence(text) });
      setBusy(false);
      requestAnimationFrame(() => formElement.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      if (error.status === 409) {
        // The import moved on (someone else confirmed or cancelled it): show where it is.
        void datasetsApi.getImport(imp.id).then(onApplied, () => {});
      }
    }
  }

  const facts = [
    `${imp.headers.length} ${imp.headers.length === 1 ? 'column' : 'columns'}`,
    delimiter ? `separated by ${delimiter}` : null,
    imp.encoding ? (imp.encoding === 'utf-8' ? 'UTF-8 text' : 'Latin-1 text') : null,
  ].filter(Boolean);

  if (!canManage) {
    return (
      <div className="ds-step-body">
        <p className="ds-progress-text">
          Waiting for {starter} to choose how the file’s columns map to account fields.
        </p>
        <PreviewTable headers={imp.headers} rows={imp.preview} />
      </div>
    );
  }

  return (
    <form className="ds-step-body ds-mapping" onSubmit={(e) => void submit(e)} noValidate>
      <p className="ds-step-lead">
        {suggested > 0
          ? 'Tell Bullseye which column holds what. It matched the columns it recognised; check them against the first rows below.'
          : 'Bullseye recognised none of the columns. Check that the first line of the file holds the column names, then match them below.'}
      </p>
      {imp.encodingNotice && (
        <p className="notice" role="status">
          {imp.encodingNotice}
        </p>
      )}
      <p className="muted small ds-file-facts">
        “{imp.fileName}”: {facts.join(', ')}.
      </p>
      <PreviewTable headers={imp.headers} rows={imp.preview} />

      <fieldset className="ds-fieldset">
        <legend className="ds-legend">Account fields</legend>
        <p className="muted small ds-legend-hint">
          {reimport
            ? 'Each column can feed one field. Fields left as “not in this file” keep the values the accounts already have.'
            : 'Each column can feed one field. Fields left as “not in this file” stay unknown for every account.'}
        </p>
        <div className="ds-map-grid">
          {ACCOUNT_FIELDS.map((field) => (
            <FieldRow
              key={field.key}
              field={field.key}
              value={draft.columns[field.key]}
              headers={imp.headers}
              used={used}
              samples={
                draft.columns[field.key]
                  ? sampleValues(imp.headers, imp.preview, draft.columns[field.key])
                  : []
              }
              error={errors[field.key]}
              disabled={busy}
              onChange={(header) => setDraft((d) => chooseColumn(d, field.key, header))}
            />
          ))}
        </div>
      </fieldset>

      <div className="ds-map-options">
        <div className="field">
          <label htmlFor={separatorId} className="field-label">
            Technology separator
          </label>
          <input
            id={separatorId}
            className="input ds-separator"
            value={draft.technologySeparator}
            maxLength={3}
            onChange={(e) => setDraft((d) => ({ ...d, technologySeparator: e.target.value }))}
            aria-invalid={errors.technologySeparator ? true : undefined}
            aria-describedby={`${separatorId}-hint${errors.technologySeparator ? ` ${separatorId}-error` : ''}`}
            disabled={busy}
          />
          <p id={`${separatorId}-hint`} className="field-hint">
            Splits a Technologies cell such as “Salesforce{draft.technologySeparator || ';'} Slack” into
            several technologies.
          </p>
          {errors.technologySeparator && (
            <p id={`${separatorId}-error`} className="field-error" role="alert">
              {errors.technologySeparator}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor={currencyId} className="field-label">
            Default currency
          </label>
          <select
            id={currencyId}
            className="input ds-currency"
            value={draft.defaultCurrency}
            onChange={(e) => setDraft((d) => ({ ...d, defaultCurrency: e.target.value as Currency }))}
            aria-invalid={errors.defaultCurrency ? true : undefined}
            aria-describedby={`${currencyId}-hint`}
            disabled={busy}
          >
            {CURRENCIES.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
          <p id={`${currencyId}-hint`} className="field-hint">
            For revenue, ACV and lifetime value
            {draft.columns.currency ? ' where the currency column is empty' : ''}.
          </p>
          {errors.defaultCurrency && (
            <p className="field-error" role="alert">
              {errors.defaultCurrency}
            </p>
          )}
        </div>
      </div>

      <CustomColumns
        remaining={remaining}
        ignored={draft.ignored}
        headers={imp.headers}
        preview={imp.preview}
        disabled={busy}
        onToggle={(header, ignore) => setDraft((d) => toggleIgnored(d, header, ignore))}
      />

      {advice.length > 0 && (
        <ul className="ds-advice">
          {advice.map((a) => (
            <li key={a}>{a}</li>
          ))}
        </ul>
      )}
      <FormError message={errors.form} />
      <div className="ds-step-actions">
        {cancelButton}
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? 'Starting…' : 'Import'}
        </button>
      </div>
    </form>
  );
}

interface FieldRowProps {
  field: AccountFieldKey;
  value: string;
  headers: readonly string[];
  used: Map<string, AccountFieldKey>;
  samples: string[];
  error: string | undefined;
  disabled: boolean;
  onChange: (header: string) => void;
}

function FieldRow({ field, value, headers, used, samples, error, disabled, onChange }: FieldRowProps) {
  const id = useId();
  const definition = accountFieldOf(field);
  return (
    <div className={`ds-map-row ${value ? 'ds-map-row-set' : ''}`}>
      <div className="ds-map-label">
        <label htmlFor={id} className="ds-map-name">
          {definition.label}
        </label>
        <span id={`${id}-help`} className="muted small">
          {definition.help}
        </span>
      </div>
      <div className="ds-map-control">
        <select
          id={id}
          className="input input-sm"
          value={value}
          onChange={(e) => onChange(e.target.value)}
          aria-describedby={`${id}-help${error ? ` ${id}-error` : ''}`}
          aria-invalid={error ? true : undefined}
          disabled={disabled}
        >
          <option value="">— not in this file —</option>
          {headers.map((header) => {
            const other = used.get(header);
            const taken = other !== undefined && other !== field;
            return (
              <option key={header} value={header} disabled={taken}>
                {taken ? `${header} (used for ${accountFieldOf(other).label})` : header}
              </option>
            );
          })}
        </select>
        {samples.length > 0 && (
          <span className="ds-map-samples muted small" title={samples.join(', ')}>
            e.g. {samples.join(', ')}
          </span>
        )}
        {error && (
          <p id={`${id}-error`} className="field-error" role="alert">
            {error}
          </p>
        )}
      </div>
    </div>
  );
}

interface CustomColumnsProps {
  remaining: string[];
  ignored: string[];
  headers: readonly string[];
  preview: readonly (readonly string[])[];
  disabled: boolean;
  onToggle: (header: string, ignore: boolean) => void;
}

/** Columns no field uses: kept per account as custom attributes, unless ignored. */
function CustomColumns({ remaining, ignored, headers, preview, disabled, onToggle }: CustomColumnsProps) {
  if (remaining.length === 0) {
    return <p className="muted small">Every column of the file feeds a field.</p>;
  }
  const kept = remaining.filter((h) => !ignored.includes(h)).length;
  return (
    <fieldset className="ds-fieldset">
      <legend className="ds-legend">Other columns</legend>
      <p className="muted small ds-legend-hint">
        {remaining.length === 1
          ? kept === 1
            ? 'It is kept with each account as a custom attribute. Ignore it if you do not need it.'
            : 'It is ignored: it is not stored.'
          : kept === remaining.length
            ? `All ${remaining.length} are kept with each account as custom attributes. Ignore the ones you do not need.`
            : `${kept} of ${remaining.length} are kept with each account as custom attributes; ignored ones are not stored.`}
      </p>
      <ul className="plain-list ds-custom-list">
        {remaining.map((header) => {
          const isIgnored = ignored.includes(header);
          const samples = sampleValues(headers, preview, header, 2);
          return (
            <li key={header} className={`ds-custom ${isIgnored ? 'ds-custom-ignored' : ''}`}>
              <span className="ds-custom-name" title={header}>
                {header}
              </span>
              {samples.length > 0 && (
                <span className="muted small ds-custom-samples" title={samples.join(', ')}>
                  {samples.join(', ')}
                </span>
              )}
              <label className="check small">
                <input
                  type="checkbox"
                  checked={isIgnored}
                  disabled={disabled}
                  onChange={(e) => onToggle(header, e.target.checked)}
                />
                Ignore<span className="visually-hidden"> column {header}</span>
              </label>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}

function sentence(text: string): string {
  const t = text.trim();
  const capital = t.charAt(0).toUpperCase() + t.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}
