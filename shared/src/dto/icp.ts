import type { WorkspaceAbilities } from '../logic/abilities.js';
import type { ReviewAbilities } from '../logic/review.js';
import type { IcpReviewDto } from '../validation/versions.js';
import type { PersonRefDto } from '../validation/comments.js';
import type { IcpKind } from '../validation/icp.js';

/** An ICP as the HTTP API presents it, with what the requesting member may do with it. */
export interface IcpDto {
  id: string;
  workspaceId: string;
  title: string;
  createdAt: string;
  updatedAt: string;
  archivedAt: string | null;
  /** `icp`, or `negative`: who we never sell to (its approved criteria disqualify in every ICP). */
  kind: IcpKind;
  /** The workspace's primary ICP (at most one). */
  primary: boolean;
  abilities: WorkspaceAbilities;
  /** What this member may do in the ICP's review. */
  reviewAbilities: ReviewAbilities;
  /** Where the ICP stands in its review: state, version under review, approved version, due date. */
  review: IcpReviewDto;
}

/**
 * The committed draft as the server read it when answering (list items, GET /icps/:id/draft): its
 * hash against the approved version's and the version under review's (see icpDraftDtoSchema).
 */
export interface IcpDraftDto {
  /** SHA-256 (hex) of the draft's canonical JSON; null when it could not be read. */
  hash: string | null;
  /** The draft differs from the approved version; null when nothing is approved or unknown. */
  editedSinceApproval: boolean | null;
  /** The draft differs from the version under review; null when none is under review or unknown. */
  changedSinceReview: boolean | null;
  /** Share of the sections that are complete, 0-100; null when unknown. */
  completeness: number | null;
}

/** Someone with the ICP open right now. */
export interface ActiveUserDto {
  id: string;
  name: string;
  /** Their presence colour, as their caret and avatar show it. */
  color: string;
}

/** An ICP as the workspace's list shows it. */
export interface IcpListItemDto extends IcpDto {
  draft: IcpDraftDto;
  /** Who last started editing the draft; null before anyone did or once their account is gone. */
  lastEditor: PersonRefDto | null;
  /** People with the ICP open now (on this server), once each. */
  activeUsers: ActiveUserDto[];
}

/** The one error envelope of the HTTP API. */
export interface ErrorEnvelope {
  error: { code: string; message: string; field?: string };
}
