import { useState } from 'react';
import { useSidePanel } from '../../editor/sidePanelContext.js';
import { relativeTime } from '../../ui/relativeTime.js';
import { formatDateTime } from '../../ui/dateFormat.js';
import { useNow } from '../comments/useNow.js';
import { CHECKLIST_ID, useCoach } from './coachContext.js';
import { CoachFindingItem } from './CoachFindingItem.js';
import { ContributionsMap } from './ContributionsMap.js';
import { countsText, type OpenFinding } from './coachView.js';
import { DismissFindingDialog } from './DismissFindingDialog.js';

/**
 * The quality checklist (top of the Review tab): every open finding of the coach on the live
 * draft, warnings first, each with its fix and a way to its section; editors may dismiss one with
 * a reason. Dismissed findings wait, folded, with who dismissed them and why.
 */
export function CoachChecklist() {
  const coach = useCoach();
  const panel = useSidePanel();
  const now = useNow(60_000);
  const [dismissing, setDismissing] = useState<OpenFinding | null>(null);
  const { open, dismissed, openCounts } = coach;
  // Over the page (a drawer), the panel gets out of the way of the section it leads to.
  const leaveForSection = panel.docked ? undefined : panel.close;

  return (
    <section
      id={CHECKLIST_ID}
      className="review-card coach-checklist"
      data-testid="coach-checklist"
      aria-labelledby={`${CHECKLIST_ID}-title`}
      tabIndex={-1}
    >
      <header className="coach-checklist-head">
        <h3 className="review-card-title" id={`${CHECKLIST_ID}-title`}>
          Quality checklist
        </h3>
        {coach.ready && (
          <span
            className={`coach-count ${openCounts.warnings ? 'coach-count-warning' : ''}`}
            data-testid="coach-open-count"
          >
            {open.length}
            <span className="visually-hidden"> open ({countsText(openCounts)})</span>
          </span>
        )}
      </header>
      {!coach.ready ? (
        <p className="muted small">Reading the draft…</p>
      ) : open.length === 0 ? (
        <p className="coach-clear small">
          No open findings. The coach re-reads the draft as you edit and points out vague, stale or one-sided
          parts.
        </p>
      ) : (
        <>
          <p className="muted small coach-intro">
            {capitalize(countsText(openCounts))} on the live draft. Advice, not rules: nothing here blocks
            sign-off.
          </p>
          <ul className="coach-list">
            {open.map((item) => (
              <CoachFindingItem
                key={item.key}
                finding={item.finding}
                linkSection
                onSectionLink={leaveForSection}
                actions={
                  coach.canDismiss && (
                    <button
                      type="button"
                      className="btn-link coach-action"
                      data-testid="coach-dismiss"
                      aria-label={`Dismiss: ${item.finding.message}`}
                      onClick={() => setDismissing(item)}
                    >
                      Dismiss…
                    </button>
                  )
                }
              />
            ))}
          </ul>
        </>
      )}
      {coach.error && (
        <p className="muted small" role="status">
          Dismissed findings could not be loaded ({coach.error.message}); they show as open.
        </p>
      )}
      {dismissed.length > 0 && (
        <details className="coach-dismissed" data-testid="coach-dismissed">
          <summary>Dismissed ({dismissed.length})</summary>
          <ul className="coach-list">
            {dismissed.map((item) => (
              <CoachFindingItem
                key={item.key}
                finding={item.finding}
                linkSection
                onSectionLink={leaveForSection}
                actions={
                  coach.canDismiss && (
                    <button
                      type="button"
                      className="btn-link coach-action"
                      data-testid="coach-restore"
                      aria-label={`Restore: ${item.finding.message}`}
                      onClick={() => void coach.restore(item)}
                    >
                      Restore
                    </button>
                  )
                }
              >
                <p className="coach-reason">
                  <q dir="auto">{item.dismissal.reason}</q>{' '}
                  <span className="muted">
                    {item.dismissal.by?.name ?? 'A former member'},{' '}
                    <time dateTime={item.dismissal.at} title={formatDateTime(item.dismissal.at)}>
                      {relativeTime(item.dismissal.at, now)}
                    </time>
                  </span>
                </p>
              </CoachFindingItem>
            ))}
          </ul>
        </details>
      )}
      <ContributionsMap />
      {dismissing && (
        <DismissFindingDialog
          item={dismissing}
          onDismiss={(reason) => coach.dismiss(dismissing, reason)}
          onClose={() => setDismissing(null)}
        />
      )}
    </section>
  );
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
