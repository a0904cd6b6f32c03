import { PANEL_ID, useSidePanel } from '../../editor/sidePanelContext.js';
import { useCoachOptional } from './coachContext.js';
import { countsText } from './coachView.js';
import { revealChecklist } from './revealSection.js';

/** "Coach: 3 warnings, 2 hints" beside the completeness meter; opens the Review tab at the checklist. */
export function CoachSummaryButton() {
  const coach = useCoachOptional();
  const panel = useSidePanel();
  if (!coach?.ready) return null;
  const { warnings, hints } = coach.openCounts;
  const tone = warnings ? 'warning' : hints ? 'hint' : 'clear';
  return (
    <button
      type="button"
      className={`coach-summary coach-summary-${tone}`}
      data-testid="coach-summary"
      data-warnings={warnings}
      data-hints={hints}
      aria-controls={PANEL_ID}
      title="Open the quality checklist"
      onClick={() => {
        panel.show('review');
        revealChecklist();
      }}
    >
      <CoachIcon />
      <span>Coach: {warnings || hints ? countsText(coach.openCounts) : 'all clear'}</span>
    </button>
  );
}

export function CoachIcon({ size = 14 }: { size?: number }) {
  return (
    <svg viewBox="0 0 16 16" width={size} height={size} aria-hidden="true" focusable="false">
      <path
        d="M5.5 8.2 7.2 10l3.4-4M8 1.8l5.2 2v3.6c0 3.2-2.2 5.6-5.2 6.8-3-1.2-5.2-3.6-5.2-6.8V3.8z"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.5"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
