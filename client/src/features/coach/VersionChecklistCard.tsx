import type { VersionChecklistDto } from '@bullseye/shared';
import { formatDateTime } from '../../ui/dateFormat.js';
import { CoachFindingItem } from './CoachFindingItem.js';
import { countBySeverity, countsText, describeDismissal, splitFindings } from './coachView.js';

/**
 * On a version's page: what the coach said when the version was recorded: the findings then open,
 * and those dismissed, with who said why. Nothing for versions recorded before the coach.
 */
export function VersionChecklistCard({ checklist }: { checklist: VersionChecklistDto | null }) {
  if (!checklist) return null;
  // The version records its open findings and the dismissals (not the wording of what they dismissed).
  const { open } = splitFindings(checklist.findings, checklist.dismissals);
  const { dismissals } = checklist;
  return (
    <section
      className="card coach-version"
      data-testid="version-checklist"
      aria-labelledby="version-checklist-title"
    >
      <h2 className="coach-version-title" id="version-checklist-title">
        Quality checklist when recorded
      </h2>
      {open.length === 0 ? (
        <p className="coach-clear small">No open findings.</p>
      ) : (
        <>
          <p className="muted small">Open then: {countsText(countBySeverity(open))}.</p>
          <ul className="coach-list">
            {open.map((item) => (
              <CoachFindingItem key={item.key} finding={item.finding} />
            ))}
          </ul>
        </>
      )}
      {dismissals.length > 0 && (
        <div className="coach-version-dismissed">
          <h3 className="coach-version-subtitle">Dismissed ({dismissals.length})</h3>
          <ul className="coach-list">
            {dismissals.map((dismissal) => {
              const summary = describeDismissal(dismissal);
              return (
                <li
                  key={dismissal.findingKey}
                  className="coach-finding coach-finding-dismissed"
                  data-testid="coach-dismissed-finding"
                  data-rule={dismissal.ruleId}
                  data-severity={summary.severity ?? ''}
                >
                  <span className="coach-severity">Dismissed</span>
                  <div className="coach-finding-body">
                    <p className="coach-message">
                      {dismissal.finding ? (
                        dismissal.finding.message
                      ) : (
                        <>
                          {summary.title}
                          {summary.subject && <> · “{summary.subject}”</>}
                        </>
                      )}
                    </p>
                    <p className="coach-reason">
                      <q dir="auto">{dismissal.reason}</q>{' '}
                      <span className="muted">
                        {dismissal.by?.name ?? 'A former member'},{' '}
                        <time dateTime={dismissal.at}>{formatDateTime(dismissal.at)}</time>
                      </span>
                    </p>
                    {summary.section && (
                      <div className="coach-finding-foot">
                        <span className="coach-section-name">{summary.section}</span>
                      </div>
                    )}
                  </div>
                </li>
              );
            })}
          </ul>
        </div>
      )}
    </section>
  );
}
