import { useState } from 'react';
import { GRADES } from '@bullseye/shared';
import { formatCount } from '../insights/format.js';
import { GradeBadge } from './GradeBadge.js';
import type { ScoringColumn } from './scoringColumns.js';
import type { ScoringModelKind } from './useDatasetScorings.js';

/**
 * The best-scored accounts of each grade with the reasons that weighed most, folded per grade; with
 * two scorings, a switch says whose.
 */
export function TopAccounts({ columns }: { columns: ScoringColumn[] }) {
  const [picked, setPicked] = useState<ScoringModelKind | null>(null);
  // Until someone picks, the newest scoring: the one just made.
  const newest = columns.reduce<ScoringColumn | undefined>(
    (a, b) => (a && a.scoring.createdAt >= b.scoring.createdAt ? a : b),
    undefined,
  );
  const column = columns.find((c) => c.kind === picked) ?? newest;
  if (!column) return null;
  const { scoring } = column;
  return (
    <div className="top-accounts" data-testid="top-accounts">
      <div className="top-accounts-head">
        <h4>Top accounts per grade</h4>
        {columns.length > 1 && (
          <div className="scoring-switch" role="group" aria-label="Top accounts of">
            {columns.map((c) => (
              <button
                key={c.kind}
                type="button"
                className={c === column ? 'scoring-switch-option scoring-switch-on' : 'scoring-switch-option'}
                aria-pressed={c === column}
                onClick={() => setPicked(c.kind)}
              >
                {c.title}
              </button>
            ))}
          </div>
        )}
      </div>
      {GRADES.map((grade) => {
        const accounts = scoring.topAccounts.filter((a) => a.grade === grade);
        const count = scoring.grades.find((row) => row.grade === grade)?.count ?? 0;
        if (accounts.length === 0) {
          return (
            <div key={grade} className="top-grade top-grade-empty">
              <GradeBadge grade={grade} />
              <span className="muted">No accounts</span>
            </div>
          );
        }
        return (
          <details key={grade} className="top-grade">
            <summary>
              <GradeBadge grade={grade} />
              <span className="grow">
                Top {accounts.length} of {formatCount(count)} {count === 1 ? 'account' : 'accounts'}
              </span>
            </summary>
            <ol className="top-grade-list" aria-label={`Top accounts in grade ${grade}, ${column.title}`}>
              {accounts.map((account) => (
                <li key={account.accountId} className="top-account">
                  <div className="top-account-line">
                    <span className="top-account-name" dir="auto">
                      {account.name ?? account.domain ?? `Account ${account.accountId}`}
                    </span>
                    {account.name && account.domain && (
                      <span className="top-account-domain muted">{account.domain}</span>
                    )}
                    <span className="top-account-score">
                      <span className="visually-hidden">Score </span>
                      {account.score ?? '—'}
                    </span>
                  </div>
                  {account.reasons.length > 0 && (
                    <ul className="top-account-reasons">
                      {account.reasons.map((reason) => (
                        <li key={reason}>{reason}</li>
                      ))}
                    </ul>
                  )}
                </li>
              ))}
            </ol>
          </details>
        );
      })}
    </div>
  );
}
