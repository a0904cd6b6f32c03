import type { ColumnType, Generated } from 'kysely';

/** Timestamps are ISO-8601 strings in UTC on both databases. */
type Timestamp = string;

export interface IcpsTable {
  id: string;
  /** Null only for ICPs written before accounts existed, until the first workspace adopts them. */
  workspace_id: string | null;
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

/** better-auth's user table (its column names). */
export interface UsersTable {
  id: string;
  name: string;
  email: string;
  emailVerified: ColumnType<boolean | number, boolean | number, boolean | number>;
  image: string | null;
  createdAt: ColumnType<Date | string, Date | string, Date | string>;
  updatedAt: ColumnType<Date | string, Date | string, Date | string>;
}

/** better-auth's sessions; read here only to revoke them. */
export interface SessionsTable {
  id: string;
  token: string;
  userId: string;
  expiresAt: ColumnType<Date | string, Date | string, Date | string>;
}

export interface WorkspacesTable {
  id: string;
  name: string;
  created_at: Timestamp;
}

export interface MembershipsTable {
  workspace_id: string;
  user_id: string;
  role: string;
  function: string | null;
  /** 0 or 1 on both databases. */
  approver: number;
  created_at: Timestamp;
}

export interface InvitesTable {
  id: string;
  workspace_id: string;
  token_hash: string;
  role: string;
  function: string | null;
  approver: number;
  created_by: string | null;
  created_at: Timestamp;
  expires_at: Timestamp;
  revoked_at: Timestamp | null;
  uses: ColumnType<number, number | undefined, number>;
}

export interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string;
  prefix: string;
  token_hash: string;
  created_at: Timestamp;
  last_used_at: Timestamp | null;
}

export interface SettingsTable {
  key: string;
  value: string;
}

/**
 * Comments: a thread is its first comment (the root, `thread_id` null), which carries the anchor,
 * the blocking flag and the resolved state; replies point at their root.
 */
export interface CommentsTable {
  id: string;
  icp_id: string;
  thread_id: string | null;
  /** Null once the author's account is gone. */
  author_id: string | null;
  body: string;
  /** JSON: the resolved mentions, `[{ type: 'user', userId } | { type: 'function', function }]`. */
  mentions: string;
  /** Roots only: 'icp' | 'criterion' | 'text'. */
  anchor_type: string | null;
  anchor_section: string | null;
  anchor_item_id: string | null;
  anchor_start: string | null;
  anchor_end: string | null;
  anchor_quote: string | null;
  /** 0 or 1; roots only. */
  blocking: number;
  resolved_at: Timestamp | null;
  resolved_by: string | null;
  created_at: Timestamp;
  edited_at: Timestamp | null;
  /** On roots, the thread's latest activity (comment, edit, resolution, reopening). */
  updated_at: Timestamp;
}

/** One notification per person and comment. */
export interface InboxItemsTable {
  id: string;
  user_id: string;
  icp_id: string;
  thread_id: string;
  comment_id: string;
  /** 'mention' | 'reply' | 'new_thread' */
  reason: string;
  actor_id: string | null;
  created_at: Timestamp;
  read_at: Timestamp | null;
}

/** Who follows an ICP; `following` 0 is an explicit unfollow that auto-follow leaves alone. */
export interface IcpFollowsTable {
  icp_id: string;
  user_id: string;
  following: number;
  updated_at: Timestamp;
}

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  workspaces: WorkspacesTable;
  memberships: MembershipsTable;
  invites: InvitesTable;
  api_tokens: ApiTokensTable;
  settings: SettingsTable;
  icps: IcpsTable;
  icp_updates: IcpUpdatesTable;
  icp_snapshots: IcpSnapshotsTable;
  comments: CommentsTable;
  inbox_items: InboxItemsTable;
  icp_follows: IcpFollowsTable;
}
