import type { Kysely } from 'kysely';
import type { CoachDismissalListDto, DismissFindingBody, IcpContributionsDto } from '@bullseye/shared';
import type { ContributionStore } from '../db/contributionStore.js';
import type { Clock } from '../clock.js';
import type { CollabEvents } from '../collaboration/collabEvents.js';
import type { AuditStore } from '../db/auditStore.js';
import type { CoachStore } from '../db/coachStore.js';
import type { IcpRow } from '../db/icpStore.js';
import type { Database } from '../db/schema.js';
import type { Membership } from '../db/workspaceStore.js';
import { notFound } from '../errors.js';

/**
 * The quality coach's dismissals. The findings themselves are computed from the live draft by
 * everyone (shared/src/coach/coachRules.ts); what the server keeps is which ones an editor
 * dismissed and why, audited, and pushed to the ICP's open clients.
 */
export class CoachCommands {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly store: CoachStore,
    private readonly contributions: ContributionStore,
    private readonly events: CollabEvents,
    private readonly audit: AuditStore,
    private readonly clock: Clock,
  ) {}

  async list(icp: IcpRow): Promise<CoachDismissalListDto> {
    return { dismissals: await this.store.dismissals(icp.id) };
  }

  /** Who contributed to which section, by function: edits and comments. */
  async contributionsOf(icp: IcpRow): Promise<IcpContributionsDto> {
    return this.contributions.answer(icp.id);
  }

  /** Dismisses a finding with a reason (or changes the reason); reviewers will read it. */
  async dismiss(
    icp: IcpRow,
    membership: Membership,
    body: DismissFindingBody,
  ): Promise<CoachDismissalListDto> {
    const dismissals = await this.db.transaction().execute(async (trx) => {
      await this.store.dismiss(
        {
          icpId: icp.id,
          findingKey: body.findingKey,
          ruleId: body.ruleId,
          reason: body.reason,
          by: membership.userId,
          at: this.clock.now().toISOString(),
        },
        trx,
      );
      await this.audit.append(
        {
          workspaceId: icp.workspace_id!,
          icpId: icp.id,
          kind: 'coach.dismissed',
          actorId: membership.userId,
          data: { ruleId: body.ruleId, findingKey: body.findingKey, reason: body.reason },
        },
        trx,
      );
      return this.store.dismissals(icp.id, trx);
    });
    await this.publish(icp.id, dismissals);
    return { dismissals };
  }

  /** Brings a dismissed finding back; 404 when it was not dismissed. */
  async restore(icp: IcpRow, membership: Membership, findingKey: string): Promise<CoachDismissalListDto> {
    const dismissals = await this.db.transaction().execute(async (trx) => {
      const before = (await this.store.dismissals(icp.id, trx)).find((d) => d.findingKey === findingKey);
      if (!before || !(await this.store.restore(icp.id, findingKey, trx))) throw notFound('Dismissal');
      await this.audit.append(
        {
          workspaceId: icp.workspace_id!,
          icpId: icp.id,
          kind: 'coach.restored',
          actorId: membership.userId,
          data: { ruleId: before.ruleId, findingKey },
        },
        trx,
      );
      return this.store.dismissals(icp.id, trx);
    });
    await this.publish(icp.id, dismissals);
    return { dismissals };
  }

  private async publish(icpId: string, dismissals: CoachDismissalListDto['dismissals']): Promise<void> {
    try {
      await this.events.publishCoachDismissals(icpId, dismissals);
    } catch (error) {
      console.error('could not push coach dismissals to open sockets', error);
    }
  }
}
