import { useEffect, useId, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { AccountDto, DatasetDto } from '@bullseye/shared';
import { datasetsApi } from '../../api/datasetsApi.js';
import { formatDateTime } from '../../ui/dateFormat.js';
import { relativeTime } from '../../ui/relativeTime.js';
import { AppHeader } from '../navigation/AppHeader.js';
import { useMembershipCheck } from '../workspaces/useMembershipCheck.js';
import { useWorkspace } from '../workspaces/useWorkspace.js';
import { accountCountText, formatMoney, formatNumber, formatPlace, pageRangeText } from './accountFormat.js';
import { STATUS_LABELS, plural, statusSummary } from './format.js';
import { Unknown } from './Unknown.js';
import { ACCOUNTS_PAGE_SIZE, useAccountsPage, useDataset, useDebounced } from './useAccountsPage.js';

/** `/w/:workspaceId/data/:datasetId`: a dataset's accounts, a page at a time, searchable, downloadable. */
export function AccountsPage() {
  const workspace = useWorkspace();
  const { datasetId = '' } = useParams();
  const { dataset, error } = useDataset(datasetId);
  useMembershipCheck(error);
  const foreign = dataset && dataset.workspaceId !== workspace.id;
  const dataPath = `/w/${workspace.id}/data`;

  useEffect(() => {
    document.title = `${dataset?.name ?? 'Accounts'} · ${workspace.name} · Bullseye`;
  }, [dataset?.name, workspace.name]);

  return (
    <div className="app-shell">
      <AppHeader workspace={workspace} />
      <main className="page page-wide ds-page ds-accounts-page">
        <Link to={dataPath} className="link ds-back">
          ← Customer data
        </Link>
        {(error || foreign) && (
          <div className="card empty">
            <h1>
              {error && error.status !== 404 && !foreign
                ? 'Could not open this dataset'
                : 'Dataset not found'}
            </h1>
            <p className="muted">
              {error && error.status !== 404 && !foreign
                ? error.message
                : 'It may have been deleted, or it belongs to another workspace.'}
            </p>
            <Link to={dataPath} className="btn btn-primary">
              See the workspace’s customer data
            </Link>
          </div>
        )}
        {!dataset && !error && <p className="muted">Loading…</p>}
        {dataset && !foreign && <DatasetAccounts dataset={dataset} />}
      </main>
    </div>
  );
}

function DatasetAccounts({ dataset }: { dataset: DatasetDto }) {
  const searchId = useId();
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 300);
  // Cursors of the pages visited, to go back; a new search starts from the first page.
  const [paging, setPaging] = useState<{ q: string; stack: (number | null)[] }>({ q: '', stack: [null] });
  const stack = paging.q === q ? paging.stack : [null];
  const after = stack[stack.length - 1] ?? null;
  const ready = dataset.state === 'ready';
  const { page, error, loading, retry } = useAccountsPage(dataset.id, q, after, ready);
  const status = statusSummary(dataset.statusCounts);
  const first = (stack.length - 1) * ACCOUNTS_PAGE_SIZE + 1;
  const toolbar = useRef<HTMLDivElement>(null);
  const turned = useRef(false);
  // After "Next page" or "Previous page" (at the bottom), the new page is read from its top.
  useEffect(() => {
    if (!turned.current || loading) return;
    turned.current = false;
    toolbar.current?.scrollIntoView({ block: 'start' });
  }, [loading, after]);
  function turn(next: (number | null)[]) {
    turned.current = true;
    setPaging({ q, stack: next });
  }
  const shown = page?.accounts.length ?? 0;

  return (
    <>
      <div className="page-head">
        <div>
          <h1 className="ds-title">
            {dataset.name}
            {dataset.sample && (
              <span className="badge ds-badge-sample" title="Generated sample accounts, not real companies">
                Sample data
              </span>
            )}
          </h1>
          <p className="muted">
            {plural(dataset.accountCount, 'account')}
            {status && ` · ${status}`} · updated{' '}
            <span title={formatDateTime(dataset.updatedAt)}>{relativeTime(dataset.updatedAt)}</span>
          </p>
        </div>
        {ready && (
          <a className="btn" href={datasetsApi.accountsCsvUrl(dataset.id)} download>
            Download CSV
          </a>
        )}
      </div>

      {!ready && (
        <div className="card empty">
          <h2>{dataset.state === 'failed' ? 'This import failed' : 'Still importing'}</h2>
          <p className="muted">
            {dataset.state === 'failed'
              ? 'No accounts were kept. Remove it on the customer data page and import the file again.'
              : 'The accounts appear here once the first import is confirmed on the customer data page.'}
          </p>
        </div>
      )}

      {ready && (
        <>
          <div className="ds-toolbar" ref={toolbar}>
            <label htmlFor={searchId} className="visually-hidden">
              Search accounts
            </label>
            <input
              id={searchId}
              type="search"
              className="input ds-search"
              placeholder="Search by name or domain"
              value={text}
              onChange={(e) => setText(e.target.value)}
            />
            <p className="muted small ds-count" aria-live="polite">
              {page ? accountCountText(page.total, q) : ''}
            </p>
          </div>

          {error && (
            <div className="banner banner-error banner-inline" role="alert">
              {error.message}{' '}
              <button type="button" className="btn-link" onClick={retry}>
                Try again
              </button>
            </div>
          )}
          {!page && !error && <p className="muted">Loading…</p>}
          {page && page.accounts.length === 0 && (
            <div className="card empty">
              <p className="muted">{q ? `No account’s name or domain contains “${q}”.` : 'No accounts.'}</p>
            </div>
          )}
          {page && page.accounts.length > 0 && (
            <div
              className={`ds-table-scroll ds-accounts ${loading ? 'ds-loading' : ''}`}
              role="region"
              aria-label="Accounts"
              aria-busy={loading}
              tabIndex={0}
            >
              <AccountsTable accounts={page.accounts} />
            </div>
          )}
          {page && (stack.length > 1 || page.next !== null) && (
            <nav className="ds-pager" aria-label="Pages of accounts">
              <button
                type="button"
                className="btn btn-sm"
                disabled={stack.length <= 1 || loading}
                onClick={() => turn(stack.slice(0, -1))}
              >
                Previous page
              </button>
              <span className="muted small">{pageRangeText(page.total, first, shown)}</span>
              <button
                type="button"
                className="btn btn-sm"
                disabled={page.next === null || loading}
                onClick={() => turn([...stack, page.next])}
              >
                Next page
              </button>
            </nav>
          )}
        </>
      )}
    </>
  );
}

function AccountsTable({ accounts }: { accounts: AccountDto[] }) {
  return (
    <table className="ds-table ds-accounts-table">
      <thead>
        <tr>
          <th scope="col">Company</th>
          <th scope="col">Domain</th>
          <th scope="col">Industry</th>
          <th scope="col" className="ds-num">
            Employees
          </th>
          <th scope="col" className="ds-num">
            Revenue
          </th>
          <th scope="col">Country / region</th>
          <th scope="col">Technologies</th>
          <th scope="col">Status</th>
          <th scope="col" className="ds-num">
            LTV
          </th>
          <th scope="col" className="ds-num">
            NPS
          </th>
        </tr>
      </thead>
      <tbody>
        {accounts.map((a) => (
          <tr key={a.id}>
            <th scope="row" className="ds-account-name">
              {a.name ?? <Unknown label="no name" />}
            </th>
            <td>{a.domain ? <DomainLink domain={a.domain} /> : <Unknown />}</td>
            <td className="ds-wrap">{a.industry ?? <Unknown />}</td>
            <td className="ds-num">{formatNumber(a.employees) ?? <Unknown />}</td>
            <td className="ds-num">{formatMoney(a.revenue, a.currency) ?? <Unknown />}</td>
            <td className="ds-wrap">{formatPlace(a.country, a.region) ?? <Unknown />}</td>
            <td>
              <Technologies list={a.technologies} />
            </td>
            <td>
              {a.status ? (
                <span className={`ds-status ds-status-${a.status}`}>{STATUS_LABELS[a.status]}</span>
              ) : (
                <Unknown />
              )}
            </td>
            <td className="ds-num">{formatMoney(a.ltv, a.currency) ?? <Unknown />}</td>
            <td className="ds-num">{formatNumber(a.nps) ?? <Unknown />}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const DOMAIN = /^[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}$/i;

/** A domain opens the company's site in a new tab; anything that is not a plain domain stays text. */
function DomainLink({ domain }: { domain: string }) {
  if (!DOMAIN.test(domain)) return <>{domain}</>;
  return (
    <a className="link" href={`https://${domain}`} target="_blank" rel="noopener noreferrer">
      {domain}
    </a>
  );
}

function Technologies({ list }: { list: string[] }) {
  if (list.length === 0) return <Unknown />;
  const shown = list.slice(0, 2);
  const more = list.length - shown.length;
  return (
    <span className="ds-techs" title={more > 0 ? list.join(', ') : undefined}>
      {shown.map((t, i) => (
        <span key={`${i}-${t}`} className="ds-tech">
          {t}
        </span>
      ))}
      {more > 0 && (
        <span className="muted small">
          +{more}
          <span className="visually-hidden"> more: {list.slice(2).join(', ')}</span>
        </span>
      )}
    </span>
  );
}
