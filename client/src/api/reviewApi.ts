import type { ApproveVersionBody, IcpDto, IcpReviewDto, SignOffBody } from '@bullseye/shared';
import { request } from './request.js';

const byId = (versionId: string) => `/versions/${encodeURIComponent(versionId)}`;

/**
 * The review workflow: request sign-off on a version, sign off for a function, approve. Each answers
 * the ICP's review state as it is afterwards.
 */
export const reviewApi = {
  requestSignOff: (versionId: string) => request<IcpReviewDto>('POST', `${byId(versionId)}/review`),
  signOff: (versionId: string, body: SignOffBody) =>
    request<IcpReviewDto>('POST', `${byId(versionId)}/sign-offs`, body),
  approve: (versionId: string, body: ApproveVersionBody = {}) =>
    request<IcpReviewDto>('POST', `${byId(versionId)}/approve`, body),
  /** Days between an approval and the next review. */
  setInterval: (icpId: string, reviewIntervalDays: number) =>
    request<IcpDto>('PATCH', `/icps/${encodeURIComponent(icpId)}`, { reviewIntervalDays }),
};
