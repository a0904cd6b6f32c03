import { gradeOf, GRADE_BUCKETS, type GradeBucket, type GradeThresholds } from '@bullseye/shared';

/** Index of a score's bucket in GRADE_BUCKETS (A, B, C, D, none); -1 is "no data". */
export function bucketIndex(score: number, thresholds: GradeThresholds): number {
  if (score < 0) return 4;
  return GRADE_BUCKETS.indexOf(gradeOf(score, thresholds));
}

export function bucketOf(score: number, thresholds: GradeThresholds): GradeBucket {
  return GRADE_BUCKETS[bucketIndex(score, thresholds)]!;
}
