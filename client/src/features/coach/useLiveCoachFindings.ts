import { useEffect, useState } from 'react';
import {
  evaluateCoach,
  toCanonical,
  type CoachContribution,
  type CoachFinding,
  type CoachReview,
} from '@bullseye/shared';
import type { IcpSession } from '../../collab/IcpSession.js';
import { sameFindings } from './coachView.js';

/** Edits are gathered this long before the coach reads the document again (typing stays smooth). */
const SETTLE_MS = 300;

/**
 * What the quality coach says about the live document (this browser's copy, unsaved edits
 * included), re-evaluated a moment after each change, when the review cadence changes and as time
 * passes (`now`); null until the document has synced with the server once (before that it may be
 * empty or an old local copy, and the coach would complain about nothing).
 */
export function useLiveCoachFindings(
  session: IcpSession,
  review: CoachReview,
  now: number,
  contributions: CoachContribution[] | null,
): CoachFinding[] | null {
  const [findings, setFindings] = useState<CoachFinding[] | null>(null);
  const { intervalDays, dueAt, approvedAt } = review;

  useEffect(() => {
    let timer = 0;
    let ready = session.tracker.status.synced;
    const compute = () => {
      timer = 0;
      if (!ready) return;
      const next = evaluateCoach({
        canonical: toCanonical(session.doc),
        now,
        review: { intervalDays, dueAt, approvedAt },
        contributions,
        // No dataset figures in the browser yet: the data rules stay quiet.
        dataset: null,
      });
      setFindings((current) => (current && sameFindings(current, next) ? current : next));
    };
    const schedule = () => {
      if (!ready || timer) return;
      timer = window.setTimeout(compute, SETTLE_MS);
    };
    const unsubscribe = session.tracker.subscribe(() => {
      if (ready || !session.tracker.status.synced) return;
      ready = true;
      compute();
    });
    session.doc.on('update', schedule);
    compute();
    return () => {
      unsubscribe();
      session.doc.off('update', schedule);
      window.clearTimeout(timer);
    };
  }, [session, now, intervalDays, dueAt, approvedAt, contributions]);

  return findings;
}
