import { useCallback, useMemo, type Dispatch, type ReactNode, type SetStateAction } from 'react';
import type { IcpDto, IcpReviewDto } from '@bullseye/shared';
import { icpApi } from '../../api/icpApi.js';
import type { IcpSession } from '../../collab/IcpSession.js';
import { useReconnected } from '../../collab/useReconnected.js';
import { ReviewContext, type ReviewValue } from './reviewContext.js';
import { useChangedSinceApproval } from './useChangedSinceApproval.js';
import { useLiveDraftHash } from './useLiveDraftHash.js';

interface ReviewProviderProps {
  icp: IcpDto;
  setIcp: Dispatch<SetStateAction<IcpDto | null>>;
  session: IcpSession;
  children: ReactNode;
}

/**
 * The review of the open ICP. Its state comes with the ICP (`icp.review`, `icp.reviewAbilities`,
 * updated live by `icp.updated` events and by the answers of review actions); this adds whether
 * the draft changed since approval, and catches up after a reconnection. Key it by ICP id.
 */
export function ReviewProvider({ icp, setIcp, session, children }: ReviewProviderProps) {
  const icpId = icp.id;
  const sinceApproval = useChangedSinceApproval(session, icpId, icp.review.approved?.versionId ?? null);
  const draftHash = useLiveDraftHash(session);

  const applyReview = useCallback(
    (review: IcpReviewDto) => setIcp((current) => (current?.id === icpId ? { ...current, review } : current)),
    [icpId, setIcp],
  );
  const applyIcp = useCallback(
    (fresh: IcpDto) => setIcp((current) => (current?.id === fresh.id ? fresh : current)),
    [setIcp],
  );
  const refresh = useCallback(() => {
    icpApi.get(icpId).then(applyIcp, () => {
      // The review shown stays; the editor's own access checks handle a lost ICP.
    });
  }, [icpId, applyIcp]);

  // Review events sent while the socket was down are gone: ask again after each reconnection.
  useReconnected(session, refresh);

  const archived = icp.archivedAt !== null;
  const value = useMemo<ReviewValue>(
    () => ({
      icp,
      review: icp.review,
      abilities: icp.reviewAbilities,
      canSetCadence: !archived && (icp.reviewAbilities.requestSignOff || icp.abilities.manageIcps),
      sinceApproval,
      draftHash,
      applyReview,
      applyIcp,
      refresh,
    }),
    [icp, archived, sinceApproval, draftHash, applyReview, applyIcp, refresh],
  );
  return <ReviewContext.Provider value={value}>{children}</ReviewContext.Provider>;
}
