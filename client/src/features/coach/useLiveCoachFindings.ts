import { useCallback } from 'react';
import type * as Y from 'yjs';
import {
  evaluateCoach,
  toCanonical,
  type CoachContribution,
  type CoachDataset,
  type CoachFinding,
  type CoachReview,
  type IcpKind,
} from '@bullseye/shared';
import type { IcpSession } from '../../collab/IcpSession.js';
import { useSettledDocValue } from '../../collab/useSettledDocValue.js';
import { sameFindings } from './coachView.js';

/** Edits are gathered this long before the coach reads the document again (typing stays smooth). */
const SETTLE_MS = 300;

/**
 * What the quality coach says about the live document (this browser's copy, unsaved edits
 * included), re-evaluated a moment after each change, when the review cadence changes and as time
 * passes (`now`), and when the dataset figures change (`dataset`, see useCoachDataset: null
 * without a ready dataset, and the data rules then stay quiet); null until the document has synced
 * with the server once (before that it may be empty or an old local copy, and the coach would
 * complain about nothing). A negative ICP (`kind`) gets only the rules that coach one.
 */
export function useLiveCoachFindings(
  session: IcpSession,
  review: CoachReview,
  now: number,
  contributions: CoachContribution[] | null,
  dataset: CoachDataset | null,
  kind: IcpKind,
): CoachFinding[] | null {
  const { intervalDays, dueAt, approvedAt } = review;
  const read = useCallback(
    (doc: Y.Doc) =>
      evaluateCoach({
        canonical: toCanonical(doc),
        now,
        review: { intervalDays, dueAt, approvedAt },
        contributions,
        dataset,
        kind,
      }),
    [now, intervalDays, dueAt, approvedAt, contributions, dataset, kind],
  );
  return useSettledDocValue(session, read, SETTLE_MS, sameFindings);
}
