import type { Grade } from '@bullseye/shared';
import '../../styles/scoring.css';

/** A grade as a coloured letter, A green to D red; read as "Grade A". */
export function GradeLetter({ grade, small }: { grade: Grade; small?: boolean }) {
  return (
    <span className={`grade-letter ${small ? 'grade-letter-sm' : ''} grade-${grade}`}>
      <span className="visually-hidden">Grade </span>
      {grade}
    </span>
  );
}
