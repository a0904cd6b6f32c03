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
  /** Days between an approval and the next review; 90 unless changed. */
  review_interval_days: ColumnType<number, number | undefined, number>;
  /** Who last started editing the draft (a user id), null before anyone did. */
  last_edited_by: ColumnType<string | null, string | null | undefined, string | null>;
  /** `icp`, or `negative` (who we never sell to). */
  kind: ColumnType<'icp' | 'negative', 'icp' | 'negative' | undefined, 'icp' | 'negative'>;
  /** When it was marked the workspace's primary ICP; null otherwise (at most one per workspace). */
  primary_at: ColumnType<string | null, string | null | undefined, string | null>;
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
  /** `full` (the person's rights) or `scoring` (only the scoring API, read-only). */
  scope: Generated<string>;
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
  /** 'comment' (thread_id and comment_id set) | 'review' (version_id and event set). */
  kind: string;
  thread_id: string | null;
  comment_id: string | null;
  version_id: string | null;
  /** For review items: 'signoff_requested' | 'changes_requested' | 'all_approved' | 'approved'. */
  event: string | null;
  /** Comments: 'mention' | 'reply' | 'new_thread'; review: 'signer' | 'approver' | 'requester' | 'editor' | 'follower'. */
  reason: string;
  /** JSON: a comment's { mention }; a review step's { yourFunction, byFunction, excerpt }. */
  detail: string | null;
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

/** Immutable snapshots of an ICP; never updated. */
export interface IcpVersionsTable {
  id: string;
  icp_id: string;
  /** 1, 2, 3… per ICP. */
  number: number;
  name: string | null;
  note: string | null;
  /** 'named' | 'auto' | 'restore' */
  kind: string;
  author_id: string | null;
  created_at: Timestamp;
  /** The ICP's title when the version was taken. */
  title: string;
  /** The Yjs state (a full update), like icp_snapshots.data. */
  state: Uint8Array;
  /** Canonical JSON of the document (shared/src/icp/canonical.ts). */
  canonical: string;
  /** SHA-256 (hex) of `canonical`. */
  hash: string;
  /** The number of the version a 'restore' version brought back. */
  restored_from: number | null;
}

/** A version put under review; open while `closed_at` is null (one per ICP at most). */
export interface IcpReviewsTable {
  id: string;
  icp_id: string;
  version_id: string;
  requested_by: string | null;
  requested_at: Timestamp;
  closed_at: Timestamp | null;
  /** 'approved' | 'superseded' once closed. */
  outcome: string | null;
}

/** One function's decision in a review; later ones of the same function replace earlier ones. */
export interface SignOffsTable {
  id: string;
  review_id: string;
  icp_id: string;
  version_id: string;
  function: string;
  /** 'approve' | 'request_changes' */
  decision: string;
  reason: string | null;
  user_id: string | null;
  created_at: Timestamp;
  version_hash: string;
}

/** An approved version; the ICP's approved version is its latest approval's. */
export interface ApprovalsTable {
  id: string;
  icp_id: string;
  version_id: string;
  review_id: string;
  approved_by: string | null;
  approved_at: Timestamp;
  note: string | null;
  version_hash: string;
}

/** The append-only, hash-chained audit log; one chain per workspace. */
export interface AuditLogTable {
  workspace_id: string;
  seq: number;
  icp_id: string | null;
  kind: string;
  actor_id: string | null;
  at: Timestamp;
  /** Canonical JSON of what happened. */
  data: string;
  prev_hash: string;
  hash: string;
}

export interface DatasetsTable {
  id: string;
  workspace_id: string;
  name: string;
  /** 1 for generated sample data. */
  sample: ColumnType<number, number | undefined, number>;
  /** 'importing' | 'ready' | 'failed' | 'deleting' */
  state: string;
  account_count: ColumnType<number, number | undefined, number>;
  revision: ColumnType<number, number | undefined, number>;
  /** JSON: { fields, statusCounts, customAttributes }. */
  summary: ColumnType<string, string | undefined, string>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface DatasetImportsTable {
  id: string;
  dataset_id: string;
  workspace_id: string;
  /** 1 when committing it creates the dataset (its first import). */
  first: number;
  /** ImportState */
  state: string;
  file_name: string;
  file_bytes: number;
  received_bytes: ColumnType<number, number | undefined, number>;
  /** JSON FileDialect, once the whole file is here. */
  dialect: string | null;
  /** JSON DatasetMapping: suggested, then confirmed. */
  mapping: string | null;
  bytes_read: ColumnType<number, number | undefined, number>;
  rows_read: ColumnType<number, number | undefined, number>;
  started_at: Timestamp | null;
  /** JSON ImportReport. */
  report: string | null;
  error: string | null;
  created_by: string | null;
  created_at: Timestamp;
  finished_at: Timestamp | null;
}

/** The typed columns of an account, in the accounts table and in the import staging table. */
export interface AccountColumnsRow {
  dataset_id: string;
  key: string;
  line: number;
  external_id: string | null;
  name: string | null;
  domain: string | null;
  industry: string | null;
  employees: number | null;
  revenue: number | null;
  currency: string | null;
  country: string | null;
  region: string | null;
  /** JSON array of strings, or null. */
  technologies: string | null;
  status: string | null;
  first_deal_at: string | null;
  closed_at: string | null;
  acv: number | null;
  ltv: number | null;
  nps: number | null;
  adoption: number | null;
  /** JSON object of custom attributes, or null. */
  custom: string | null;
}

export interface AccountsTable extends AccountColumnsRow {
  id: Generated<number>;
}

export interface ImportRowsTable extends AccountColumnsRow {
  import_id: string;
}

export interface DatasetScoringsTable {
  id: string;
  icp_id: string;
  dataset_id: string;
  dataset_revision: number;
  source: string;
  version_id: string | null;
  model_hash: string;
  model: string;
  summary: string;
  created_by: string | null;
  created_at: Timestamp;
}

/** A workshop session on an ICP (see migrations/20261203T1800_create_workshops.ts). */
export interface WorkshopsTable {
  id: string;
  icp_id: string;
  /** 'running' | 'ended' */
  status: string;
  started_by: string | null;
  facilitator_id: string | null;
  started_at: Timestamp;
  ended_at: Timestamp | null;
  /** JSON: WorkshopStep[] */
  steps: string;
  current_step: number;
  /** JSON: StepTimer */
  timer: string;
  locked: number;
  start_canonical: string;
  /** JSON: WorkshopSummaryDto */
  summary: string | null;
  version_id: string | null;
}

export interface WorkshopParticipantsTable {
  workshop_id: string;
  user_id: string;
  role: string;
  function: string | null;
  joined_at: Timestamp;
}

export interface WorkshopNotesTable {
  id: string;
  workshop_id: string;
  step_id: string;
  section: string;
  text: string;
  author_id: string | null;
  author_function: string | null;
  created_at: Timestamp;
  merged_into: string | null;
  promoted_at: Timestamp | null;
  promoted_by: string | null;
}

export interface WorkshopVotesTable {
  note_id: string;
  workshop_id: string;
  voter_id: string;
  count: number;
}

export interface WorkshopEditsTable {
  workshop_id: string;
  user_id: string;
  section: string;
  function: string;
  count: number;
}

/** A coach finding an editor dismissed on an ICP, with the reason. */
export interface CoachDismissalsTable {
  icp_id: string;
  finding_key: string;
  rule_id: string;
  reason: string;
  dismissed_by: string | null;
  dismissed_at: Timestamp;
}

/** The coach's checklist when a version was recorded (JSON VersionChecklistDto). */
export interface VersionChecklistsTable {
  version_id: string;
  checklist: string;
}

/** Edits per person and section of an ICP (counted from committed updates), by function. */
export interface IcpContributionsTable {
  icp_id: string;
  user_id: string;
  section: string;
  function: string;
  edits: number;
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
  icp_versions: IcpVersionsTable;
  icp_reviews: IcpReviewsTable;
  sign_offs: SignOffsTable;
  approvals: ApprovalsTable;
  audit_log: AuditLogTable;
  datasets: DatasetsTable;
  dataset_imports: DatasetImportsTable;
  dataset_accounts: AccountsTable;
  import_rows: ImportRowsTable;
  dataset_scorings: DatasetScoringsTable;
  workshops: WorkshopsTable;
  workshop_participants: WorkshopParticipantsTable;
  workshop_notes: WorkshopNotesTable;
  workshop_votes: WorkshopVotesTable;
  workshop_edits: WorkshopEditsTable;
  coach_dismissals: CoachDismissalsTable;
  version_checklists: VersionChecklistsTable;
  icp_contributions: IcpContributionsTable;
}
