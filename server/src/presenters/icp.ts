import type {
  IcpDraftDto,
  IcpDto,
  IcpReviewDto,
  ReviewAbilities,
  WorkspaceAbilities,
} from '@bullseye/shared';
import type { DraftDigest } from '../db/draftDigests.js';
import type { IcpRow } from '../db/icpStore.js';

/**
 * The only shape of an ICP that leaves the server: the record, what the reader may do with it
 * (also in its review), and where it stands in its review.
 */
export function presentIcp(
  row: IcpRow,
  abilities: WorkspaceAbilities,
  reviewAbilities: ReviewAbilities,
  review: IcpReviewDto,
): IcpDto {
  return {
    id: row.id,
    workspaceId: row.workspace_id ?? '',
    title: row.title,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    archivedAt: row.archived_at,
    kind: row.kind,
    primary: row.primary_at !== null,
    abilities,
    reviewAbilities,
    review,
  };
}

/**
 * The draft against the approved version and the version under review, by hash (a version's
 * hash is the SHA-256 of its canonical JSON, like the digest's). Without a digest (the draft could
 * not be read) every comparison is null: unknown, never "current".
 */
export function presentDraft(review: IcpReviewDto, digest: DraftDigest | undefined): IcpDraftDto {
  if (!digest) return { hash: null, editedSinceApproval: null, changedSinceReview: null, completeness: null };
  return {
    hash: digest.hash,
    editedSinceApproval: review.approved ? review.approved.hash !== digest.hash : null,
    changedSinceReview: review.current ? review.current.hash !== digest.hash : null,
    completeness: digest.completeness,
  };
}
