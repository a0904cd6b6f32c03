import { useCallback, useMemo, type ReactNode } from 'react';
import { coachReviewOf, contributionsForCoach, type IcpDto } from '@bullseye/shared';
import { asApiError } from '../../api/apiError.js';
import { coachApi } from '../../api/coachApi.js';
import type { IcpSession } from '../../collab/IcpSession.js';
import { useToast } from '../../ui/Toast.js';
import { useNow } from '../comments/useNow.js';
import { CoachContext, type CoachValue } from './coachContext.js';
import {
  countBySeverity,
  openBySection,
  splitFindings,
  type DismissedFinding,
  type OpenFinding,
} from './coachView.js';
import { useCoachDismissals } from './useCoachDismissals.js';
import { useCoachDataset } from './useCoachDataset.js';
import { useContributions } from './useContributions.js';
import { useLiveCoachFindings } from './useLiveCoachFindings.js';

/**
 * The quality coach of the open ICP, for everyone with it open: findings from the live document,
 * dismissals from the API (kept live by server events). Key it by ICP id.
 */
export function CoachProvider({
  icp,
  session,
  children,
}: {
  icp: IcpDto;
  session: IcpSession;
  children: ReactNode;
}) {
  const icpId = icp.id;
  const now = useNow(60_000);
  const review = useMemo(() => coachReviewOf(icp.review), [icp.review]);
  const answer = useContributions(session, icpId, now);
  const contributions = useMemo(() => (answer ? contributionsForCoach(answer) : null), [answer]);
  const dataset = useCoachDataset(session, icp.workspaceId, icp.review.approved?.versionId ?? null, now);
  const findings = useLiveCoachFindings(session, review, now, contributions, dataset, icp.kind);
  const { dismissals, error, apply } = useCoachDismissals(session, icpId);
  const toast = useToast();
  const canDismiss = icp.abilities.edit && icp.archivedAt === null;

  const dismiss = useCallback(
    async (item: OpenFinding, reason: string) => {
      try {
        const list = await coachApi.dismiss(icpId, {
          findingKey: item.key,
          ruleId: item.finding.ruleId,
          reason: reason.trim(),
        });
        apply(list.dismissals);
        return null;
      } catch (e) {
        return asApiError(e).message;
      }
    },
    [icpId, apply],
  );

  const restore = useCallback(
    async (item: DismissedFinding) => {
      try {
        apply((await coachApi.restore(icpId, item.key)).dismissals);
        return true;
      } catch (e) {
        toast(asApiError(e).message, { tone: 'error' });
        return false;
      }
    },
    [icpId, apply, toast],
  );

  const value = useMemo<CoachValue>(() => {
    const split = splitFindings(findings ?? [], dismissals);
    return {
      ready: findings !== null,
      open: split.open,
      openCounts: countBySeverity(split.open),
      openBySection: openBySection(split.open),
      dismissed: split.dismissed,
      error,
      contributions: answer,
      canDismiss,
      dismiss,
      restore,
    };
  }, [findings, dismissals, error, answer, canDismiss, dismiss, restore]);

  return <CoachContext.Provider value={value}>{children}</CoachContext.Provider>;
}
