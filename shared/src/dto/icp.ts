import type { WorkspaceAbilities } from '../logic/abilities.js';
import type { ReviewAbilities } from '../logic/review.js';
import type { IcpReviewDto } from '../validation/versions.js';

/** An ICP as the HTTP API presents it, with what the requesting member may do with it. */
export interface IcpDto {
  id: string;
  workspaceId: string;
  title: string;
  createdAt: string;
  updatedAt: string;
  archivedAt: string | null;
  abilities: WorkspaceAbilities;
  /** What this member may do in the ICP's review. */
  reviewAbilities: ReviewAbilities;
  /** Where the ICP stands in its review: state, version under review, approved version, due date. */
  review: IcpReviewDto;
}

/** The one error envelope of the HTTP API. */
export interface ErrorEnvelope {
  error: { code: string; message: string; field?: string };
}
