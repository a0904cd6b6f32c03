import type { ScoreResult } from '@bullseye/shared';

/**
 * The reasons that weighed most in a score, in words, for lists and the CSV: a disqualifier first,
 * then the criteria by the points at stake (matches and misses; unknowns last).
 */
export function scoreReasons(result: ScoreResult, limit = 3): string[] {
  if (result.disqualifiedBy) {
    return [`Disqualified: ${result.disqualifiedBy.rule} (${result.disqualifiedBy.value})`];
  }
  const lines = [...result.criteria]
    .filter((c) => c.outcome !== 'unknown')
    .sort((a, b) => b.maxPoints - a.maxPoints)
    .slice(0, limit)
    .map((c) => {
      switch (c.outcome) {
        case 'match':
        case 'ideal':
          return `✓ ${c.label}: ${c.value}`;
        case 'acceptable':
          return `≈ ${c.label}: ${c.value} (acceptable)`;
        default:
          return `✗ ${c.label}: ${c.value} (rule: ${c.rule})`;
      }
    });
  if (result.cappedBy) lines.unshift(`Missed a must-have (${result.cappedBy.label}): at most grade C`);
  if (result.score === null) lines.push('No data for any criterion');
  return lines.slice(0, limit);
}
