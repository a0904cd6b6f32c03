import type { IcpDto } from '@bullseye/shared';
import type { IcpRow } from '../db/icpStore.js';

/** The only shape of an ICP that leaves the server. */
export function presentIcp(row: IcpRow): IcpDto {
  return {
    id: row.id,
    title: row.title,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    archivedAt: row.archived_at,
  };
}
