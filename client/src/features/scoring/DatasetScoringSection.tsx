/** Score a dataset with the approved version or the draft: being built (see ScorePanel). */
export function DatasetScoringSection() {
  return null;
}
