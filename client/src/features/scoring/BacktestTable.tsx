import { GRADE_BUCKETS, type GradeRowDto } from '@bullseye/shared';
import { formatCount } from '../insights/format.js';
import {
  backtestVerdict,
  isSmallSample,
  MIN_OUTCOMES,
  outcomesOf,
  sharperVerdict,
} from './backtestVerdict.js';
import { GradeTable } from './GradeTable.js';
import type { ScoringColumn } from './scoringColumns.js';
import { formatAcv, formatWinRate } from './scoringFormat.js';

/**
 * The backtest: per grade, how often accounts with an outcome were won (with a 95% interval), on
 * how many outcomes, and the average ACV of the won ones; one column per scoring, and a verdict
 * computed from the numbers, never assumed.
 */
export function BacktestTable({ columns }: { columns: ScoringColumn[] }) {
  const verdicts = columns.map((c) => ({ column: c, verdict: backtestVerdict(c.scoring) }));
  const withOutcomes = columns.filter((c) => c.scoring.hasOutcomes);
  const approved = verdicts.find((v) => v.column.kind === 'approved')?.verdict;
  const draft = verdicts.find((v) => v.column.kind === 'draft')?.verdict;
  const sharper = approved && draft ? sharperVerdict(approved, draft) : null;
  const rowOf = (c: ScoringColumn, grade: string) => c.scoring.grades.find((row) => row.grade === grade);
  const grades = GRADE_BUCKETS.filter(
    (grade) => grade !== 'none' || withOutcomes.some((c) => (rowOf(c, grade)?.count ?? 0) > 0),
  );
  const anySmall = withOutcomes.some((c) => c.scoring.grades.some(isSmallSample));

  return (
    <div className="backtest" data-testid="backtest">
      {withOutcomes.length > 0 && (
        <>
          <GradeTable
            label="Backtest"
            className="backtest-table"
            columns={withOutcomes}
            grades={grades}
            cell={(c, grade) => <BacktestCell key={c.kind} row={rowOf(c, grade)} />}
          />
          <p className="backtest-legend muted">
            Win rate of the accounts won or lost, with its 95% interval; n: accounts with an outcome; ACV:
            average of the won ones.
            {anySmall && ` * Fewer than ${MIN_OUTCOMES} outcomes: a hint, not a measure.`}
          </p>
        </>
      )}
      <ul className="backtest-verdicts" aria-label="Backtest verdict">
        {(withOutcomes.length > 0 ? verdicts : verdicts.slice(0, 1)).map(({ column, verdict }) => (
          <li key={column.kind} className={`backtest-verdict backtest-verdict-${verdict.tone}`}>
            {withOutcomes.length > 1 && <strong>{column.title}: </strong>}
            {verdict.text}
          </li>
        ))}
        {sharper && <li className="backtest-verdict backtest-verdict-compare">{sharper}</li>}
      </ul>
    </div>
  );
}

function BacktestCell({ row }: { row: GradeRowDto | undefined }) {
  if (!row || row.winRate === null) {
    return (
      <td className="backtest-cell">
        <span className="muted">{row?.count ? 'No outcomes' : 'No accounts'}</span>
      </td>
    );
  }
  const small = isSmallSample(row);
  return (
    <td className="backtest-cell">
      <span className="backtest-rate">
        {formatWinRate(row)}
        {small && (
          <span className="backtest-small" title={`Fewer than ${MIN_OUTCOMES} outcomes`}>
            <span aria-hidden="true">*</span>
            <span className="visually-hidden"> (fewer than {MIN_OUTCOMES} outcomes)</span>
          </span>
        )}
      </span>
      <span className="backtest-meta">
        n {formatCount(outcomesOf(row))} · ACV {formatAcv(row.avgAcv)}
      </span>
    </td>
  );
}
