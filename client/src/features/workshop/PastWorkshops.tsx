import { Link } from 'react-router';
import { formatDateTime } from '../../ui/dateFormat.js';
import { summaryPath } from './workshopPaths.js';
import { useWorkshop } from './workshopContext.js';

/** Ended sessions, newest first, each linking to its summary. */
export function PastWorkshops() {
  const { past, icpId } = useWorkshop();
  if (past.length === 0) return null;
  return (
    <section aria-labelledby="past-workshops-title" className="past-workshops">
      <h3 id="past-workshops-title" className="workshop-subhead">
        Past workshops
      </h3>
      <ul className="plain-list" data-testid="past-workshops">
        {past.map((w) => (
          <li key={w.id} className="past-workshop">
            <Link to={summaryPath(icpId, w.id)} className="link" data-testid="past-workshop-link">
              {w.versionName ?? `Workshop of ${formatDateTime(w.startedAt)}`}
            </Link>
            <span className="muted small">
              {formatDateTime(w.endedAt)} · {w.facilitator.name} · {w.participants}{' '}
              {w.participants === 1 ? 'participant' : 'participants'} · {w.promoted} added to the ICP
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
