import { useId } from 'react';
import { Link } from 'react-router';
import type { DatasetDto, IcpComparisonDto } from '@bullseye/shared';
import { GradeLetter } from '../scoring/GradeLetter.js';
import { accountLabels, accountsNote, countOf, quoted } from './comparisonWording.js';

interface AccountsOverlapCardProps {
  comparison: IcpComparisonDto;
  workspaceId: string | null;
  /** The workspace's ready datasets, to score another one (null until known). */
  datasets: readonly DatasetDto[] | null;
  onDataset: (datasetId: string) => void;
}

/**
 * With customer data: how many accounts each draft grades A or B, how many both do, and a sample of
 * those, best for both first; without, how to get there.
 */
export function AccountsOverlapCard({
  comparison,
  workspaceId,
  datasets,
  onDataset,
}: AccountsOverlapCardProps) {
  const titleId = useId();
  const selectId = useId();
  const { accounts } = comparison;
  const dataPath = workspaceId ? `/w/${encodeURIComponent(workspaceId)}/data` : null;
  const labels = accountLabels(comparison);

  if (!accounts) {
    return (
      <section className="icp-compare-card icp-accounts" aria-labelledby={titleId} data-testid="icp-accounts">
        <h2 id={titleId}>{labels.title}</h2>
        <p className="muted">
          Import customer data (a CRM export, or sample data) to see which of your accounts each ICP grades A
          or B, and which both do.{' '}
          {dataPath && (
            <Link className="link" to={dataPath}>
              Go to Customer data
            </Link>
          )}
        </p>
      </section>
    );
  }

  const datasetPath = workspaceId
    ? `/w/${encodeURIComponent(workspaceId)}/data/${encodeURIComponent(accounts.datasetId)}`
    : null;
  const choices = datasets ?? [];
  return (
    <section className="icp-compare-card icp-accounts" aria-labelledby={titleId} data-testid="icp-accounts">
      <div className="icp-compare-card-head">
        <h2 id={titleId}>{labels.title}</h2>
        {choices.length > 1 ? (
          <span className="row">
            <label htmlFor={selectId} className="muted small">
              Accounts from
            </label>
            <select
              id={selectId}
              className="input input-sm"
              value={accounts.datasetId}
              onChange={(e) => onDataset(e.target.value)}
            >
              {choices.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </select>
          </span>
        ) : (
          <span className="muted small">
            Accounts from{' '}
            {datasetPath ? (
              <Link className="link" to={datasetPath}>
                {accounts.datasetName}
              </Link>
            ) : (
              accounts.datasetName
            )}
          </span>
        )}
      </div>
      <p className="muted small">Both drafts scored on the same accounts; a fit is grade A or B.</p>
      <dl className="icp-accounts-figures">
        <div>
          <dt>{labels.fitA}</dt>
          <dd data-testid="fit-a">{countOf(accounts.fitA, accounts.total)}</dd>
        </div>
        <div>
          <dt>{labels.fitB}</dt>
          <dd data-testid="fit-b">{countOf(accounts.fitB, accounts.total)}</dd>
        </div>
        <div className="icp-accounts-both">
          <dt>{labels.fitBoth}</dt>
          <dd data-testid="fit-both">{countOf(accounts.fitBoth, accounts.total)}</dd>
        </div>
      </dl>
      <p className="icp-accounts-note small">{accountsNote(accounts, comparison)}</p>
      {accounts.sample.length > 0 && (
        <table className="icp-compare-table icp-accounts-sample">
          <caption className="visually-hidden">
            {accounts.sample.length === 1 ? 'An account' : `${accounts.sample.length} accounts`} graded A or B
            by both
          </caption>
          <thead>
            <tr>
              <th scope="col">Account</th>
              <th scope="col" className="num">
                {quoted(comparison.a.title)}
              </th>
              <th scope="col" className="num">
                {quoted(comparison.b.title)}
              </th>
            </tr>
          </thead>
          <tbody>
            {accounts.sample.map((account) => (
              <tr key={account.accountId}>
                <th scope="row">
                  {account.name ?? account.domain ?? `Account ${account.accountId}`}
                  {account.name && account.domain && <span className="muted small"> · {account.domain}</span>}
                </th>
                <td className="num">
                  {account.scoreA} <GradeLetter grade={account.gradeA} small />
                </td>
                <td className="num">
                  {account.scoreB} <GradeLetter grade={account.gradeB} small />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {accounts.fitBoth > accounts.sample.length && (
        <p className="muted small">
          The {accounts.sample.length} best for both of {accounts.fitBoth.toLocaleString('en-US')}.
          {datasetPath && (
            <>
              {' '}
              <Link className="link" to={datasetPath}>
                Open the dataset
              </Link>
            </>
          )}
        </p>
      )}
    </section>
  );
}
