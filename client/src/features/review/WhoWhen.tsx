import type { SignOffDto } from '@bullseye/shared';
import { formatDateTime } from '../../ui/dateFormat.js';
import { relativeTime } from '../../ui/relativeTime.js';

/** "Sam Seller · 2 hours ago", the exact time on hover. */
export function WhoWhen({ who, at, now }: { who: SignOffDto['by']; at: string; now: number }) {
  return (
    <span className="who-when">
      <span className="who">{who?.name ?? 'A former member'}</span>
      <span aria-hidden="true"> · </span>
      <time dateTime={at} title={formatDateTime(at)}>
        {relativeTime(at, now)}
      </time>
    </span>
  );
}
