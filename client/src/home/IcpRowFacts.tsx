import type { ActiveUserDto, IcpListItemDto } from '@bullseye/shared';
import { dueWording } from '../features/review/dueWording.js';
import { Avatar } from '../ui/Avatar.js';
import { formatDate } from '../ui/dateFormat.js';
import { relativeTime } from '../ui/relativeTime.js';

/** How many faces a row shows before "+n". */
const MAX_FACES = 4;

/**
 * "Edited 5 minutes ago by Edna Editor" (or archived when); says so when the server could not
 * compare the draft with the approved version, rather than let "Approved" pass for current.
 */
export function editedLine(icp: IcpListItemDto, now: number): string {
  const unknown =
    icp.review.approved && icp.draft.editedSinceApproval === null
      ? ` · not compared with v${icp.review.approved.number} yet`
      : '';
  if (icp.archivedAt !== null) return `Archived ${relativeTime(icp.archivedAt, now)}${unknown}`;
  const by = icp.lastEditor ? ` by ${icp.lastEditor.name}` : '';
  return `Edited ${relativeTime(icp.updatedAt, now)}${by}${unknown}`;
}

/**
 * What a team weighs when choosing an ICP, beside its title: how complete the draft is, when the
 * next review is due, and who is in it right now.
 */
export function IcpRowFacts({ icp, now }: { icp: IcpListItemDto; now: number }) {
  return (
    <div className="icp-facts">
      <Completeness percent={icp.draft.completeness} />
      <NextReview icp={icp} now={now} />
      <ActiveUsers users={icp.activeUsers} />
    </div>
  );
}

function Completeness({ percent }: { percent: number | null }) {
  if (percent === null) {
    return (
      <div className="icp-fact icp-fact-complete" data-testid="icp-completeness">
        <span className="icp-fact-label">Complete</span>
        <span className="icp-fact-value muted">—</span>
      </div>
    );
  }
  const tone = percent >= 80 ? 'good' : percent >= 40 ? 'mid' : 'low';
  return (
    <div className="icp-fact icp-fact-complete" data-testid="icp-completeness" data-percent={percent}>
      <span className="icp-fact-label">Complete</span>
      <span className="icp-fact-value">
        <span
          className={`icp-meter icp-meter-${tone}`}
          role="meter"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
          aria-label={`${percent}% of sections complete`}
        >
          <span className="icp-meter-fill" style={{ width: `${percent}%` }} />
        </span>
        <span className="icp-meter-number">{percent}%</span>
      </span>
    </div>
  );
}

function NextReview({ icp, now }: { icp: IcpListItemDto; now: number }) {
  const due = dueWording(icp.review, now);
  return (
    <div className="icp-fact icp-fact-review" data-testid="icp-next-review" title={due?.long}>
      <span className="icp-fact-label">Next review</span>
      {due && icp.review.reviewDueAt ? (
        <span className={`icp-fact-value ${due.overdue ? 'icp-fact-overdue' : ''}`}>
          {formatDate(icp.review.reviewDueAt)}
          <span className="icp-fact-sub">{due.short}</span>
        </span>
      ) : (
        <span className="icp-fact-value muted">After approval</span>
      )}
    </div>
  );
}

function ActiveUsers({ users }: { users: ActiveUserDto[] }) {
  const names = users.map((u) => u.name).join(', ');
  return (
    <div className="icp-fact icp-fact-people" data-testid="icp-active-users" data-count={users.length}>
      <span className="icp-fact-label">In it now</span>
      {users.length === 0 ? (
        <span className="icp-fact-value muted">Nobody</span>
      ) : (
        <span
          className="icp-fact-value presence"
          role="group"
          aria-label={`In it now: ${names}`}
          title={names}
        >
          {users.slice(0, MAX_FACES).map((u) => (
            <Avatar key={u.id} name={u.name} color={u.color} size="sm" />
          ))}
          {users.length > MAX_FACES && (
            <span className="avatar avatar-sm avatar-more-sm">+{users.length - MAX_FACES}</span>
          )}
        </span>
      )}
    </div>
  );
}
