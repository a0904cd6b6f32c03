import { useId, useState } from 'react';
import { asApiError } from '../../api/apiError.js';
import { reviewApi } from '../../api/reviewApi.js';
import { dueWording } from './dueWording.js';
import { useReview } from './reviewContext.js';

/** The cadences offered; an ICP set to another value (through the API) keeps it as an option. */
const INTERVALS = [30, 60, 90, 180, 365];

const intervalText = (days: number) =>
  ({
    30: 'Every 30 days',
    60: 'Every 60 days',
    90: 'Every 90 days (quarterly)',
    180: 'Every 180 days (half-yearly)',
    365: 'Every 365 days (yearly)',
  })[days] ?? `Every ${days} days`;

/** How often the ICP must be reviewed again after an approval, and when the next review is due. */
export function ReviewCadence({ now }: { now: number }) {
  const { icp, review, canSetCadence, applyIcp } = useReview();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const due = dueWording(review, now);
  const options = INTERVALS.includes(review.reviewIntervalDays)
    ? INTERVALS
    : [...INTERVALS, review.reviewIntervalDays].sort((a, b) => a - b);

  async function change(days: number) {
    setBusy(true);
    setError(null);
    try {
      applyIcp(await reviewApi.setInterval(icp.id, days));
    } catch (e) {
      setError(asApiError(e).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section
      className="review-card review-cadence"
      aria-labelledby={`${id}-title`}
      data-testid="review-cadence"
    >
      <p id={`${id}-title`} className="review-card-kicker">
        Review cadence
      </p>
      {canSetCadence ? (
        <div className="cadence-row">
          <label htmlFor={`${id}-interval`} className="visually-hidden">
            Review this ICP
          </label>
          <select
            id={`${id}-interval`}
            className="input input-sm"
            value={review.reviewIntervalDays}
            disabled={busy}
            onChange={(e) => void change(Number(e.target.value))}
          >
            {options.map((days) => (
              <option key={days} value={days}>
                {intervalText(days)}
              </option>
            ))}
          </select>
        </div>
      ) : (
        <p className="cadence-text">{intervalText(review.reviewIntervalDays)}</p>
      )}
      <p className={`cadence-due ${due?.overdue ? 'cadence-overdue' : ''}`} data-testid="review-due-date">
        {due ? due.long : 'The clock starts when a version is approved.'}
      </p>
      {error && (
        <p className="review-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
