import { useEffect, useState } from 'react';
import { remainingFromView, type TimerView } from '@bullseye/shared';

/**
 * The step's remaining time (negative when over), counted down locally from the server's view of
 * the timer and when it arrived, refreshed a few times a second while it runs.
 */
export function useCountdown(view: TimerView, receivedAt: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    // A fresh view counts from its `receivedAt` (newer than `now`) until the next tick.
    if (view.status !== 'running') return;
    const timer = window.setInterval(() => setNow(Date.now()), 250);
    return () => window.clearInterval(timer);
  }, [view, receivedAt]);
  return remainingFromView(view, receivedAt, Math.max(now, receivedAt));
}
