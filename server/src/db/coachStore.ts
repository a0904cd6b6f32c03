import type { Kysely } from 'kysely';
import type { CoachDismissalDto, VersionChecklistDto } from '@bullseye/shared';
import type { Database } from './schema.js';

/** Dismissed coach findings per ICP, and the checklist each version recorded. */
export class CoachStore {
  constructor(private readonly db: Kysely<Database>) {}

  /** The ICP's dismissals, oldest first, with who dismissed them. */
  async dismissals(icpId: string, db: Kysely<Database> = this.db): Promise<CoachDismissalDto[]> {
    const rows = await db
      .selectFrom('coach_dismissals as d')
      .leftJoin('users as u', 'u.id', 'd.dismissed_by')
      .select(['d.finding_key', 'd.rule_id', 'd.reason', 'd.dismissed_by', 'u.name', 'd.dismissed_at'])
      .where('d.icp_id', '=', icpId)
      .orderBy('d.dismissed_at')
      .orderBy('d.finding_key')
      .execute();
    return rows.map((r) => ({
      findingKey: r.finding_key,
      ruleId: r.rule_id,
      reason: r.reason,
      by: r.dismissed_by ? { id: r.dismissed_by, name: r.name ?? 'Former member' } : null,
      at: r.dismissed_at,
    }));
  }

  /** Dismisses a finding, or changes the reason of a dismissal (the latest one counts). */
  async dismiss(
    d: { icpId: string; findingKey: string; ruleId: string; reason: string; by: string; at: string },
    db: Kysely<Database>,
  ): Promise<void> {
    await db
      .insertInto('coach_dismissals')
      .values({
        icp_id: d.icpId,
        finding_key: d.findingKey,
        rule_id: d.ruleId,
        reason: d.reason,
        dismissed_by: d.by,
        dismissed_at: d.at,
      })
      .onConflict((oc) =>
        oc.columns(['icp_id', 'finding_key']).doUpdateSet({
          rule_id: d.ruleId,
          reason: d.reason,
          dismissed_by: d.by,
          dismissed_at: d.at,
        }),
      )
      .execute();
  }

  /** Restores a finding; answers whether it was dismissed. */
  async restore(icpId: string, findingKey: string, db: Kysely<Database>): Promise<boolean> {
    const result = await db
      .deleteFrom('coach_dismissals')
      .where('icp_id', '=', icpId)
      .where('finding_key', '=', findingKey)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async recordChecklist(
    versionId: string,
    checklist: VersionChecklistDto,
    db: Kysely<Database>,
  ): Promise<void> {
    await db
      .insertInto('version_checklists')
      .values({ version_id: versionId, checklist: JSON.stringify(checklist) })
      .execute();
  }

  async checklist(versionId: string, db: Kysely<Database> = this.db): Promise<VersionChecklistDto | null> {
    const row = await db
      .selectFrom('version_checklists')
      .select('checklist')
      .where('version_id', '=', versionId)
      .executeTakeFirst();
    return row ? (JSON.parse(row.checklist) as VersionChecklistDto) : null;
  }
}
