import type { GradeBucket } from '@bullseye/shared';
import { GradeLetter } from './GradeLetter.js';

/** A grade as its small coloured letter, or "No data" for accounts without data to score on. */
export function GradeBadge({ grade }: { grade: GradeBucket }) {
  return grade === 'none' ? (
    <span className="grade-no-data">No data</span>
  ) : (
    <GradeLetter grade={grade} small />
  );
}
