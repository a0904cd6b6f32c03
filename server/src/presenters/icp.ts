import type { IcpDto, IcpReviewDto, ReviewAbilities, WorkspaceAbilities } from '@bullseye/shared';
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
    abilities,
    reviewAbilities,
    review,
  };
}
