import { useEffect, useId, useState } from 'react';
import type { AccountDto, DatasetDto } from '@bullseye/shared';
import { asApiError } from '../../api/apiError.js';
import { datasetsApi } from '../../api/datasetsApi.js';
import { formatCount } from '../insights/format.js';

interface DatasetAccountPickerProps {
  /** The workspace's ready datasets. */
  datasets: DatasetDto[];
  onPick: (account: AccountDto, dataset: DatasetDto) => void;
}

/** Wait after typing before searching. */
const SEARCH_DEBOUNCE_MS = 250;
const RESULTS = 8;

interface Results {
  key: string;
  accounts: AccountDto[];
  total: number;
  error: string | null;
}

/**
 * "Pick from a dataset": search a dataset's accounts by name or domain; picking one fills the form
 * with what the dataset knows of it.
 */
export function DatasetAccountPicker({ datasets, onPick }: DatasetAccountPickerProps) {
  const [open, setOpen] = useState(false);
  const [datasetId, setDatasetId] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<Results | null>(null);
  const id = useId();
  const dataset = datasets.find((d) => d.id === datasetId) ?? datasets[0] ?? null;
  const key = dataset && open ? JSON.stringify([dataset.id, dataset.revision, query.trim()]) : null;

  useEffect(() => {
    if (!key) return;
    const [searchIn, , q] = JSON.parse(key) as [string, number, string];
    let current = true;
    const timer = setTimeout(() => {
      datasetsApi.listAccounts(searchIn, { limit: RESULTS, q: q || undefined }).then(
        (page) => {
          if (current) setResults({ key, accounts: page.accounts, total: page.total, error: null });
        },
        (e: unknown) => {
          if (current) setResults({ key, accounts: [], total: 0, error: asApiError(e).message });
        },
      );
    }, SEARCH_DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [key]);

  if (!dataset) return null;
  const shown = results?.key === key ? results : null;

  return (
    <div className="account-picker">
      <button
        type="button"
        className="btn btn-sm"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        onClick={() => setOpen((o) => !o)}
      >
        Pick from a dataset
      </button>
      {open && (
        <div id={id} className="account-picker-body">
          <div className="row">
            {datasets.length > 1 && (
              <select
                className="input input-sm"
                aria-label="Dataset to pick from"
                value={dataset.id}
                onChange={(e) => setDatasetId(e.target.value)}
              >
                {datasets.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.name}
                  </option>
                ))}
              </select>
            )}
            <input
              type="search"
              className="input input-sm grow"
              aria-label={`Search accounts in ${dataset.name}`}
              placeholder={`Search ${dataset.name} by name or domain`}
              value={query}
              onChange={(e) => setQuery(e.target.value)}
            />
          </div>
          {shown?.error && (
            <p className="field-error" role="alert">
              Accounts could not be loaded: {shown.error}
            </p>
          )}
          {!shown && (
            <p className="muted small" role="status">
              Searching…
            </p>
          )}
          {shown && !shown.error && (
            <>
              <ul className="account-results" aria-label="Accounts">
                {shown.accounts.map((account) => (
                  <li key={account.id}>
                    <button
                      type="button"
                      className="account-result"
                      onClick={() => {
                        onPick(account, dataset);
                        setOpen(false);
                      }}
                    >
                      <span className="account-result-name">
                        {account.name ?? account.domain ?? `Account ${account.id}`}
                      </span>
                      <span className="muted small">{accountFacts(account)}</span>
                    </button>
                  </li>
                ))}
              </ul>
              <p className="muted small" role="status">
                {shown.total === 0
                  ? 'No account matches.'
                  : shown.total > shown.accounts.length
                    ? `${formatCount(shown.accounts.length)} of ${formatCount(shown.total)}: type to narrow down.`
                    : `${formatCount(shown.total)} ${shown.total === 1 ? 'account' : 'accounts'}.`}
              </p>
            </>
          )}
        </div>
      )}
    </div>
  );
}

/** "Fintech · 250 employees · Germany": what the dataset knows of an account, in a line. */
function accountFacts(account: AccountDto): string {
  const facts = [
    account.industry,
    account.employees === null ? null : `${formatCount(account.employees)} employees`,
    account.country ?? account.region,
  ];
  return facts.filter((f) => f !== null && f !== '').join(' · ') || 'No firmographics';
}
