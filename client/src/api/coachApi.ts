import type { CoachDismissalListDto, DismissFindingBody, IcpContributionsDto } from '@bullseye/shared';
import { request } from './request.js';

const dismissals = (icpId: string) => `/icps/${encodeURIComponent(icpId)}/coach/dismissals`;

/**
 * The quality coach's dismissed findings of one ICP (with the reason, kept for reviewers). Each
 * call answers the whole list as it is afterwards.
 */
export const coachApi = {
  dismissals: (icpId: string) => request<CoachDismissalListDto>('GET', dismissals(icpId)),
  dismiss: (icpId: string, body: DismissFindingBody) =>
    request<CoachDismissalListDto>('POST', dismissals(icpId), body),
  /** Who contributed to which section, by function (edits and comments). */
  contributions: (icpId: string) =>
    request<IcpContributionsDto>('GET', `/icps/${encodeURIComponent(icpId)}/contributions`),
  restore: (icpId: string, findingKey: string) =>
    request<CoachDismissalListDto>(
      'DELETE',
      `${dismissals(icpId)}?findingKey=${encodeURIComponent(findingKey)}`,
    ),
};
