import type { ReactNode } from 'react';
import type { GradeBucket } from '@bullseye/shared';
import { GradeBadge } from './GradeBadge.js';
import type { ScoringColumn } from './scoringColumns.js';

interface GradeTableProps {
  /** The table's accessible name. */
  label: string;
  className: string;
  testId?: string;
  columns: ScoringColumn[];
  grades: readonly GradeBucket[];
  /** One cell (a `<td>`) of a grade in a column. */
  cell: (column: ScoringColumn, grade: GradeBucket) => ReactNode;
}

/** A table of grades by scoring: a column per scoring (approved, draft), a row per grade. */
export function GradeTable({ label, className, testId, columns, grades, cell }: GradeTableProps) {
  return (
    <table className={className} aria-label={label} data-testid={testId}>
      <thead>
        <tr>
          <th scope="col">Grade</th>
          {columns.map((c) => (
            <th key={c.kind} scope="col">
              {c.title}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {grades.map((grade) => (
          <tr key={grade}>
            <th scope="row">
              <GradeBadge grade={grade} />
            </th>
            {columns.map((c) => cell(c, grade))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
