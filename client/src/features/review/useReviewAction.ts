import { useCallback, useState } from 'react';
import type { IcpReviewDto } from '@bullseye/shared';
import { asApiError } from '../../api/apiError.js';
import { useReview } from './reviewContext.js';
import { isStaleReviewError, reviewErrorText } from './reviewErrorText.js';

/**
 * Runs one review action (sign off, approve, request sign-off): applies the review it answers, or
 * keeps the refusal in words the panel shows, and fetches the review again when it was stale.
 */
export function useReviewAction() {
  const { applyReview, refresh } = useReview();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = useCallback(
    async (action: () => Promise<IcpReviewDto>): Promise<boolean> => {
      setBusy(true);
      setError(null);
      try {
        applyReview(await action());
        return true;
      } catch (e) {
        const failure = asApiError(e);
        setError(reviewErrorText(failure));
        if (isStaleReviewError(failure)) refresh();
        return false;
      } finally {
        setBusy(false);
      }
    },
    [applyReview, refresh],
  );

  const clearError = useCallback(() => setError(null), []);
  return { run, busy, error, clearError };
}
