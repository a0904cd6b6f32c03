import type { ColumnType, Generated } from 'kysely';

/** Timestamps are ISO-8601 strings in UTC on both databases. */
type Timestamp = string;

export interface IcpsTable {
  id: string;
  title: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  archived_at: Timestamp | null;
}

/** The append-only Yjs update log: one row per committed update. */
export interface IcpUpdatesTable {
  id: Generated<number>;
  icp_id: string;
  data: Uint8Array;
  created_at: Timestamp;
}

/** The compacted state: every update with id <= `last_update_id` merged into `data`. */
export interface IcpSnapshotsTable {
  icp_id: string;
  data: Uint8Array;
  last_update_id: ColumnType<number, number, number>;
  updated_at: Timestamp;
}

export interface Database {
  icps: IcpsTable;
  icp_updates: IcpUpdatesTable;
  icp_snapshots: IcpSnapshotsTable;
}
