import { createContext, useContext } from 'react';
import type { IcpDto, IcpReviewDto, ReviewAbilities } from '@bullseye/shared';
import type { SinceApproval } from './useChangedSinceApproval.js';

/** The review of the open ICP, as the Review panel and the top bar show it. */
export interface ReviewValue {
  icp: IcpDto;
  review: IcpReviewDto;
  abilities: ReviewAbilities;
  /** May this person change the review cadence? */
  canSetCadence: boolean;
  /** Whether the live draft still matches the approved version. */
  sinceApproval: SinceApproval;
  /**
   * SHA-256 of the live document's canonical JSON (this browser's copy), comparable with a
   * version's hash; null until the document first synced.
   */
  draftHash: string | null;
  /** Applies the review state an HTTP answer carried. */
  applyReview: (review: IcpReviewDto) => void;
  /** Applies an ICP the server answered (e.g. after changing the cadence). */
  applyIcp: (icp: IcpDto) => void;
  /** Fetches the ICP, and so its review, again. */
  refresh: () => void;
}

export const ReviewContext = createContext<ReviewValue | null>(null);

export function useReview(): ReviewValue {
  const value = useContext(ReviewContext);
  if (!value) throw new Error('useReview needs a ReviewProvider');
  return value;
}

/** The review of the open ICP; null outside a {@link ReviewProvider}. */
export function useReviewOptional(): ReviewValue | null {
  return useContext(ReviewContext);
}
