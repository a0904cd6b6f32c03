import type { Kysely, Selectable } from 'kysely';
import { canonicalStringify, type AuditKind } from '@bullseye/shared';
import type { Clock } from '../clock.js';
import { auditEntryHash, ChainVerifier, GENESIS_HASH, type ChainBreak } from './auditChain.js';
import type { AuditLogTable, Database } from './schema.js';

export type AuditRow = Selectable<AuditLogTable>;

/** An entry as listed: with the actor's current name and the ICP's current title. */
export type AuditRecord = AuditRow & { actor_name: string | null; icp_title: string | null };

export interface NewAuditEntry {
  workspaceId: string;
  icpId: string | null;
  kind: AuditKind;
  /** Null for what the server does by itself (automatic versions). */
  actorId: string | null;
  data: Record<string, unknown>;
}

/** Entries read per query while verifying a chain. */
const VERIFY_PAGE = 1000;

/**
 * The append-only audit log, one hash chain per workspace. There is deliberately no method that
 * updates or deletes an entry: verify() is how anyone finds out whether the rows were altered.
 */
export class AuditStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
  ) {}

  /**
   * Appends an entry to its workspace's chain. Call it inside the transaction of the change it
   * records, so both commit or neither does. Appends of one workspace take turns: the workspace
   * row is locked (an UPDATE that changes nothing holds its row lock on PostgreSQL until commit;
   * SQLite has one writer anyway), then the chain's head is read.
   */
  async append(entry: NewAuditEntry, db: Kysely<Database>): Promise<AuditRow> {
    await db
      .updateTable('workspaces')
      .set((eb) => ({ name: eb.ref('name') }))
      .where('id', '=', entry.workspaceId)
      .execute();
    const head = await db
      .selectFrom('audit_log')
      .select(['seq', 'hash'])
      .where('workspace_id', '=', entry.workspaceId)
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    const seq = (head?.seq ?? 0) + 1;
    const prevHash = head?.hash ?? GENESIS_HASH;
    const at = this.clock.now().toISOString();
    const row: AuditRow = {
      workspace_id: entry.workspaceId,
      seq,
      icp_id: entry.icpId,
      kind: entry.kind,
      actor_id: entry.actorId,
      at,
      data: canonicalStringify(entry.data),
      prev_hash: prevHash,
      hash: auditEntryHash(prevHash, {
        seq,
        workspaceId: entry.workspaceId,
        icpId: entry.icpId,
        kind: entry.kind,
        actorId: entry.actorId,
        at,
        data: entry.data,
      }),
    };
    await db.insertInto('audit_log').values(row).execute();
    return row;
  }

  /** A page of a workspace's entries, newest first (optionally of one ICP, before a seq). */
  async list(
    workspaceId: string,
    options: { icpId?: string | undefined; before?: number | undefined; limit: number },
  ): Promise<AuditRecord[]> {
    let query = this.db
      .selectFrom('audit_log')
      .leftJoin('users', 'users.id', 'audit_log.actor_id')
      .leftJoin('icps', 'icps.id', 'audit_log.icp_id')
      .selectAll('audit_log')
      .select(['users.name as actor_name', 'icps.title as icp_title'])
      .where('audit_log.workspace_id', '=', workspaceId);
    if (options.icpId !== undefined) query = query.where('audit_log.icp_id', '=', options.icpId);
    if (options.before !== undefined) query = query.where('audit_log.seq', '<', options.before);
    return query.orderBy('audit_log.seq', 'desc').limit(options.limit).execute();
  }

  /** Recomputes the workspace's chain from its first entry; reports the first broken one. */
  async verify(workspaceId: string): Promise<{ checked: number; firstBroken: ChainBreak | null }> {
    const verifier = new ChainVerifier();
    let after = 0;
    for (;;) {
      const rows = await this.db
        .selectFrom('audit_log')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('seq', '>', after)
        .orderBy('seq')
        .limit(VERIFY_PAGE)
        .execute();
      for (const row of rows) verifier.add(row);
      if (rows.length < VERIFY_PAGE) break;
      after = rows[rows.length - 1]!.seq;
    }
    return { checked: verifier.checked, firstBroken: verifier.firstBroken };
  }
}
