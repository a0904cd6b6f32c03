import { Link } from 'react-router';
import type { AuditEntryDto } from '@bullseye/shared';
import { formatDateTime } from '../../ui/dateFormat.js';
import { HashText } from '../../ui/HashText.js';
import { relativeTime } from '../../ui/relativeTime.js';
import { describeAuditEntry } from './describeAuditEntry.js';

interface AuditEntryRowProps {
  entry: AuditEntryDto;
  now: number;
  /** The verify operation found this entry altered or unlinked. */
  broken: boolean;
  /** Show which ICP the entry is about (off when the page shows one ICP). */
  showIcp: boolean;
}

const KIND_ICONS: Record<AuditEntryDto['kind'], string> = {
  'version.created': '◆',
  'version.restored': '↺',
  'signoff.requested': '➜',
  'signoff.recorded': '✓',
  'version.approved': '★',
  'thread.marked_blocking': '⚑',
  'thread.unmarked_blocking': '⚐',
  'thread.resolved': '✓',
  'thread.reopened': '↻',
  'thread.deleted': '✕',
  'member.joined': '+',
  'member.updated': '✎',
  'member.removed': '−',
  'invite.created': '✉',
  'invite.revoked': '⊘',
  'dataset.imported': '⇪',
  'dataset.deleted': '✕',
  'workshop.started': '▶',
  'workshop.facilitator_changed': '⇄',
  'workshop.promoted': '⬆',
  'workshop.ended': '■',
  'coach.dismissed': '⊘',
  'coach.restored': '↺',
  'icp.duplicated': '⧉',
  'icp.kind_changed': '⇄',
  'icp.primary_changed': '★',
};

/** One audit entry: its number, what happened in a sentence, on which ICP, when, and its hash. */
export function AuditEntryRow({ entry, now, broken, showIcp }: AuditEntryRowProps) {
  const { actor, action, quote } = describeAuditEntry(entry);
  const changes = entry.kind === 'signoff.recorded' && entry.data.decision === 'request_changes';
  return (
    <li
      className={`audit-entry audit-${entry.kind.replace('.', '-').replace('_', '-')} ${changes ? 'audit-changes' : ''} ${broken ? 'audit-broken' : ''}`}
      data-testid="audit-entry"
      data-seq={entry.seq}
      data-kind={entry.kind}
    >
      <span className="audit-seq" title={`Entry #${entry.seq}`}>
        #{entry.seq}
      </span>
      <span className="audit-icon" aria-hidden="true">
        {KIND_ICONS[entry.kind] ?? '•'}
      </span>
      <div className="audit-main">
        <p className="audit-sentence">
          <strong>{actor}</strong> {action}
          {showIcp && entry.icpId && (
            <>
              {' '}
              on{' '}
              <Link className="link" to={`/icp/${encodeURIComponent(entry.icpId)}`}>
                {entry.icpTitle || 'Untitled ICP'}
              </Link>
            </>
          )}
        </p>
        {quote && <p className="audit-quote">“{quote}”</p>}
        {broken && (
          <p className="audit-broken-note" role="note">
            This entry does not match its hash chain.
          </p>
        )}
      </div>
      <div className="audit-side">
        <time dateTime={entry.at} title={formatDateTime(entry.at)}>
          {relativeTime(entry.at, now)}
        </time>
        <HashText hash={entry.hash} label="hash" />
      </div>
    </li>
  );
}
