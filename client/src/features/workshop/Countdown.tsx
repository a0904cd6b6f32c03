import { formatCountdown, type TimerView } from '@bullseye/shared';
import { useCountdown } from './useCountdown.js';

/**
 * The shared countdown of the current step: "12:05", "Paused" beside it, and in red "-1:20 over"
 * once the timebox has run out (the step only moves on when the facilitator says so).
 */
export function Countdown({
  timer,
  receivedAt,
  className = '',
}: {
  timer: TimerView;
  receivedAt: number;
  className?: string;
}) {
  const remaining = useCountdown(timer, receivedAt);
  const over = remaining < 0;
  const text = formatCountdown(remaining);
  const paused = timer.status === 'paused';
  const label = `${over ? `${text.replace('-', '')} over time` : `${text} left`}${paused ? ', paused' : ''}`;
  return (
    <span
      className={`countdown ${over ? 'countdown-over' : ''} ${paused ? 'countdown-paused' : ''} ${className}`}
      role="timer"
      aria-label={label}
      data-testid="workshop-countdown"
      data-remaining-ms={Math.round(remaining)}
    >
      <span className="countdown-time" aria-hidden="true">
        {text}
      </span>
      {over && (
        <span className="countdown-note" aria-hidden="true">
          over
        </span>
      )}
      {paused && (
        <span className="countdown-note" aria-hidden="true">
          paused
        </span>
      )}
    </span>
  );
}
