import { GRADE_BUCKETS, type DatasetScoringDto, type GradeBucket } from '@bullseye/shared';
import { formatCount, formatShare } from '../insights/format.js';
import { GradeTable } from './GradeTable.js';
import type { ScoringColumn } from './scoringColumns.js';

const countOf = (scoring: DatasetScoringDto, grade: GradeBucket) =>
  scoring.grades.find((row) => row.grade === grade)?.count ?? 0;
const shareOf = (scoring: DatasetScoringDto, grade: GradeBucket) =>
  scoring.total > 0 ? countOf(scoring, grade) / scoring.total : 0;

/**
 * How many accounts each grade holds, one column per scoring: a bar chart that is a table, so
 * screen readers read the counts and shares. Bars are scaled to the largest share shown.
 */
export function GradeDistribution({ columns }: { columns: ScoringColumn[] }) {
  const grades = GRADE_BUCKETS.filter(
    (grade) => grade !== 'none' || columns.some((c) => countOf(c.scoring, grade) > 0),
  );
  const largest = Math.max(
    ...columns.flatMap((c) => grades.map((grade) => shareOf(c.scoring, grade))),
    Number.EPSILON,
  );
  return (
    <GradeTable
      label="Accounts per grade"
      className="grade-chart"
      testId="grade-distribution"
      columns={columns}
      grades={grades}
      cell={(c, grade) => {
        const share = shareOf(c.scoring, grade);
        return (
          <td key={c.kind}>
            <span className="grade-bar">
              <span className="grade-bar-track" aria-hidden="true">
                <span
                  className={`grade-bar-fill grade-fill-${grade}`}
                  style={{ width: `${(share / largest) * 100}%` }}
                />
              </span>
              <span className="grade-bar-value">
                {formatCount(countOf(c.scoring, grade))} <span className="muted">({formatShare(share)})</span>
              </span>
            </span>
          </td>
        );
      }}
    />
  );
}
