import type { IcpDto, WorkspaceAbilities } from '@bullseye/shared';
import type { IcpRow } from '../db/icpStore.js';

/** The only shape of an ICP that leaves the server, with what the reader may do with it. */
export function presentIcp(row: IcpRow, abilities: WorkspaceAbilities): IcpDto {
  return {
    id: row.id,
    workspaceId: row.workspace_id ?? '',
    title: row.title,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    archivedAt: row.archived_at,
    abilities,
  };
}
