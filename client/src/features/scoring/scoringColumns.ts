import type { DatasetScoringDto } from '@bullseye/shared';
import type { ScoringModelKind } from './useDatasetScorings.js';

/** One stored scoring as a column of the Score tab's charts and tables. */
export interface ScoringColumn {
  kind: ScoringModelKind;
  /** Short, for a column heading: "Approved v3", "Draft". */
  title: string;
  scoring: DatasetScoringDto;
}

/** The approved version's scoring and the draft's, side by side, whichever exist. */
export function scoringColumns(
  approved: DatasetScoringDto | null,
  draft: DatasetScoringDto | null,
): ScoringColumn[] {
  const columns: ScoringColumn[] = [];
  if (approved) {
    const number = approved.source.version?.number;
    columns.push({ kind: 'approved', title: number ? `Approved v${number}` : 'Approved', scoring: approved });
  }
  if (draft) columns.push({ kind: 'draft', title: 'Draft', scoring: draft });
  return columns;
}
