import { TryAccountSection } from './TryAccountSection.js';
import { DatasetScoringSection } from './DatasetScoringSection.js';

/**
 * The Score tab of the editor's panel: the ICP put to work as a 0–100 / A–D fit score. Try one
 * account against the live draft (and the approved version), and score a whole dataset with its
 * grade distribution and backtest.
 */
export function ScorePanel() {
  return (
    <div className="score-panel">
      <TryAccountSection />
      <DatasetScoringSection />
    </div>
  );
}
