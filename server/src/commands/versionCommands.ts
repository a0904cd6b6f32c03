import type { Kysely } from 'kysely';
import {
  diffCanonical,
  exportFileName,
  icpToMarkdown,
  coachReviewOf,
  contributionsForCoach,
  evaluateCoach,
  findingKey,
  type CanonicalIcp,
  type CreateVersionBody,
  type DiffVersionsQuery,
  type ExportVersionQuery,
  type IcpDiffDto,
  type VersionDetailDto,
  type VersionDto,
  type VersionListDto,
  type WorkshopSummaryDto,
} from '@bullseye/shared';
import type { CollabEvents, LiveDrafts } from '../collaboration/collabEvents.js';
import { writeContent } from '../collaboration/restoreContent.js';
import type { AuditStore } from '../db/auditStore.js';
import { docOfState, snapshotOfState, type DocSnapshot } from '../db/docSnapshot.js';
import type { IcpRow, IcpStore } from '../db/icpStore.js';
import type { ReviewStore } from '../db/reviewStore.js';
import type { Database } from '../db/schema.js';
import type { WorkshopStore } from '../db/workshopStore.js';
import type { CoachStore } from '../db/coachStore.js';
import type { ContributionStore } from '../db/contributionStore.js';
import type { CoachDataContext, CoachFigures } from '../datasets/coachFigures.js';
import { presentReview } from '../presenters/review.js';
import type { DbTransaction } from '../db/updateLog.js';
import type { VersionKind, VersionRecord, VersionStore } from '../db/versionStore.js';
import type { Membership } from '../db/workspaceStore.js';
import { notFound } from '../errors.js';
import type { VersionAccess } from '../policies/accessLoader.js';
import { presentExportJson, presentExportMarkdownApproval } from '../presenters/export.js';
import {
  presentDiff,
  presentVersion,
  presentVersionDetail,
  presentVersionList,
  type DiffSide,
} from '../presenters/version.js';

/** A file to download. */
export interface ExportFile {
  fileName: string;
  contentType: string;
  body: string;
}

/** What a restore recorded: the draft before it (if it was not a version yet) and after it. */
export interface RestoreResult {
  before: VersionDto | null;
  after: VersionDto;
}

interface VersionInput {
  icp: IcpRow;
  kind: VersionKind;
  name: string | null;
  note: string | null;
  /** The version's author (null for automatic versions). */
  authorId: string | null;
  /** Who caused it, for the audit log (the restorer for a "before restoring" version). */
  actorId: string | null;
  snapshot: DocSnapshot;
  restoredFrom: number | null;
  /** What the coach's dataset figures are computed from (loaded before the transaction); null for none. */
  coachData: CoachDataContext | null;
}

/**
 * Versions of ICPs: named versions, the automatic history, compare, restore and export. Every
 * version is written in one transaction with its audit entry; open clients then hear that the
 * ICP's versions changed.
 */
export class VersionCommands {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly icps: IcpStore,
    private readonly versions: VersionStore,
    private readonly reviews: ReviewStore,
    private readonly audit: AuditStore,
    private readonly drafts: LiveDrafts,
    private readonly events: CollabEvents,
    private readonly workshops: WorkshopStore,
    private readonly coach: CoachStore,
    private readonly contributions: ContributionStore,
    private readonly coachFigures: CoachFigures,
  ) {}

  /**
   * Loads what the coach's dataset figures need for a version of `icp` (`content`: what it will
   * hold, when known), before the transaction that records it; null when there is nothing to load
   * or it failed (the checklist then goes without dataset figures).
   */
  async prepareCoachData(
    icp: IcpRow,
    content: CanonicalIcp | string | null,
  ): Promise<CoachDataContext | null> {
    let hint: CanonicalIcp | null = null;
    try {
      hint = typeof content === 'string' ? (JSON.parse(content) as CanonicalIcp) : content;
    } catch {
      // A hint only: the figures then read the workspace's newest dataset.
    }
    return this.coachFigures.prepare(icp, hint);
  }

  async list(icp: IcpRow): Promise<VersionListDto> {
    return presentVersionList(await this.versions.list(icp.id));
  }

  /** Names the live draft as it is now, e.g. "Q1 2027 workshop". */
  async create(icp: IcpRow, membership: Membership, body: CreateVersionBody): Promise<VersionDto> {
    const snapshot = snapshotOfState(await this.drafts.draftState(icp.id));
    const coachData = await this.prepareCoachData(icp, snapshot.canonical);
    const version = await this.db.transaction().execute(async (trx) =>
      this.record(
        {
          icp: await this.lockedIcp(icp.id, trx),
          kind: 'named',
          name: body.name,
          note: body.note || null,
          authorId: membership.userId,
          actorId: membership.userId,
          snapshot,
          restoredFrom: null,
          coachData,
        },
        trx,
      ),
    );
    await this.notify(icp.id);
    return presentVersion(version);
  }

  /**
   * Names a draft state inside the caller's transaction (a workshop's wrap-up records its version
   * with its summary); the caller tells open clients once it commits (`versionsRecorded`).
   * `coachData` comes from `prepareCoachData` before that transaction.
   */
  async recordNamed(
    icpId: string,
    input: {
      name: string;
      note: string | null;
      actorId: string;
      state: Uint8Array;
      coachData?: CoachDataContext | null;
    },
    trx: Kysely<Database>,
  ): Promise<VersionRecord> {
    return this.record(
      {
        icp: await this.lockedIcp(icpId, trx),
        kind: 'named',
        name: input.name,
        note: input.note,
        authorId: input.actorId,
        actorId: input.actorId,
        snapshot: snapshotOfState(input.state),
        restoredFrom: null,
        coachData: input.coachData ?? null,
      },
      trx,
    );
  }

  /** Tells open clients that the ICP's versions changed (after `recordNamed` committed). */
  async versionsRecorded(icpId: string): Promise<void> {
    await this.notify(icpId);
  }

  async get(target: VersionAccess): Promise<VersionDetailDto> {
    const [content, checklist] = await Promise.all([
      this.versions.content(target.version.id),
      this.coach.checklist(target.version.id),
    ]);
    if (!content) throw notFound('Version');
    return presentVersionDetail(target.version, content.canonical, checklist);
  }

  /** Section by section, from a version to another version of the same ICP or to the live draft. */
  async diff(icp: IcpRow, query: DiffVersionsQuery): Promise<IcpDiffDto> {
    const from = await this.side(icp, query.from);
    const to = await this.side(icp, query.to);
    return presentDiff(from.side, to.side, diffCanonical(from.content, to.content));
  }

  /**
   * Brings a past version back as a new change on the live draft. The draft as it was is kept
   * first as an automatic version (unless it already is the latest version); the result is kept as
   * a `restore` version, whose hash is the restored version's.
   */
  async restore(target: VersionAccess): Promise<RestoreResult> {
    const { version, icp } = target;
    const content = await this.versions.content(version.id);
    if (!content || !icp.workspace_id) throw notFound('Version');
    const coachData = await this.prepareCoachData(icp, content.canonical);
    const source = docOfState(content.state);
    let result: { before: VersionRecord | null; after: VersionRecord };
    try {
      result = await this.drafts.changeDraft(
        icp.id,
        icp.workspace_id,
        (draft) => writeContent(draft, source),
        (change, trx) =>
          this.recordRestore(
            target,
            snapshotOfState(change.before),
            snapshotOfState(change.after),
            coachData,
            trx,
          ),
      );
    } finally {
      source.destroy();
    }
    await this.notify(icp.id);
    return { before: result.before && presentVersion(result.before), after: presentVersion(result.after) };
  }

  /**
   * The versions before and after a restore, with their audit entries, in the transaction that
   * commits the restore's change to the draft.
   */
  private async recordRestore(
    target: VersionAccess,
    before: DocSnapshot,
    after: DocSnapshot,
    coachData: CoachDataContext | null,
    trx: Kysely<Database>,
  ): Promise<{ before: VersionRecord | null; after: VersionRecord }> {
    const { version, icp, membership } = target;
    const actorId = membership.userId;
    const current = await this.lockedIcp(icp.id, trx);
    const latest = await this.versions.latest(icp.id, trx);
    const common = { icp: current, note: null, actorId, coachData };
    const beforeVersion =
      latest?.hash === before.hash
        ? null
        : await this.record(
            {
              ...common,
              kind: 'auto',
              name: `Before restoring version ${version.number}`,
              authorId: null,
              snapshot: before,
              restoredFrom: null,
            },
            trx,
          );
    const afterVersion = await this.record(
      {
        ...common,
        kind: 'restore',
        name: `Restored version ${version.number}`,
        authorId: actorId,
        snapshot: after,
        restoredFrom: version.number,
      },
      trx,
    );
    await this.audit.append(
      {
        workspaceId: icp.workspace_id!,
        icpId: icp.id,
        kind: 'version.restored',
        actorId,
        data: {
          versionId: version.id,
          versionNumber: version.number,
          versionHash: version.hash,
          beforeVersionNumber: beforeVersion?.number ?? null,
          afterVersionNumber: afterVersion.number,
          afterVersionHash: afterVersion.hash,
        },
      },
      trx,
    );
    // Whoever brought a version back is the draft's last editor (the list says "by" them).
    if (before.hash !== after.hash) await this.icps.setLastEditor(icp.id, actorId, trx);
    return { before: beforeVersion, after: afterVersion };
  }

  /**
   * The automatic history (called by the collaboration server): records the draft as an `auto`
   * version unless it equals the ICP's latest version. `state` is read once the ICP's row is
   * locked; with several instances it is read from the update log there, so two instances
   * recording at once see the same committed draft and the second records nothing. With
   * `notWithinMs`, an automatic version that recent (another instance's) makes this one unneeded.
   */
  async recordAuto(
    icpId: string,
    state: Uint8Array | ((trx: DbTransaction) => Promise<Uint8Array>),
    options: { notWithinMs?: number } = {},
  ): Promise<void> {
    // The state at hand (one instance) is read once, before the transaction, so the coach's
    // dataset figures can be loaded for it (and only when it is a new version).
    const early = typeof state === 'function' ? null : snapshotOfState(state);
    const coachData = await this.autoCoachData(icpId, early);
    const created = await this.db.transaction().execute(async (trx) => {
      if (!(await this.icps.lock(icpId, trx))) return undefined;
      const icp = await this.icps.find(icpId, trx);
      if (!icp?.workspace_id) return undefined;
      const latest = await this.versions.latest(icpId, trx);
      if (
        options.notWithinMs !== undefined &&
        latest?.kind === 'auto' &&
        Date.now() - Date.parse(latest.created_at) < options.notWithinMs
      )
        return undefined;
      const snapshot = early ?? snapshotOfState(typeof state === 'function' ? await state(trx) : state);
      if (latest?.hash === snapshot.hash) return undefined;
      return this.record(
        {
          icp,
          kind: 'auto',
          name: null,
          note: null,
          authorId: null,
          actorId: null,
          snapshot,
          restoredFrom: null,
          coachData,
        },
        trx,
      );
    });
    if (created) await this.notify(icpId);
  }

  /**
   * The coach's data for an automatic version, unless the draft (`early`, when known) is the
   * latest version already (nothing will be recorded). With several instances the draft is only
   * read under the lock: the data is then loaded for the dataset the approved version's definition
   * names (else the newest ready one), so a draft whose definition moved to another dataset since
   * records no breadth on that version.
   */
  private async autoCoachData(icpId: string, early: DocSnapshot | null): Promise<CoachDataContext | null> {
    try {
      const icp = await this.icps.find(icpId);
      if (!icp?.workspace_id) return null;
      if (early && (await this.versions.latest(icpId))?.hash === early.hash) return null;
      return await this.prepareCoachData(icp, early?.canonical ?? null);
    } catch (error) {
      console.error('could not load the dataset figures for the coach; recording without them', error);
      return null;
    }
  }

  /** The version as a Markdown or JSON download. */
  async export(target: VersionAccess, query: ExportVersionQuery): Promise<ExportFile> {
    const { version, icp } = target;
    const content = await this.versions.content(version.id);
    if (!content) throw notFound('Version');
    const canonical = JSON.parse(content.canonical) as CanonicalIcp;
    const approval = (await this.reviews.approvalOfVersion(version.id)) ?? null;
    const workshopRow = await this.workshops.byVersion(version.id);
    const workshop =
      workshopRow?.summary != null
        ? {
            id: workshopRow.id,
            startedAt: workshopRow.started_at,
            facilitator: {
              id: workshopRow.facilitator_id ?? '',
              name: workshopRow.facilitator_name ?? 'Former member',
            },
            summary: JSON.parse(workshopRow.summary) as WorkshopSummaryDto,
          }
        : null;
    if (query.format === 'json') {
      return {
        fileName: exportFileName(version.title, version.number, 'json'),
        contentType: 'application/json; charset=utf-8',
        body: `${JSON.stringify(presentExportJson(icp, version, approval, canonical, workshop), null, 2)}\n`,
      };
    }
    return {
      fileName: exportFileName(version.title, version.number, 'md'),
      contentType: 'text/markdown; charset=utf-8',
      body: icpToMarkdown({
        title: version.title,
        content: canonical,
        version: {
          number: version.number,
          name: version.name,
          createdAt: version.created_at,
          hash: version.hash,
        },
        approval: presentExportMarkdownApproval(approval),
        workshop: workshop && {
          startedAt: workshop.startedAt,
          facilitator: workshop.facilitator.name,
          summary: workshop.summary,
        },
      }),
    };
  }

  /** A version of `icp` (404 for any other ICP's) or the live draft, with its canonical content. */
  private async side(icp: IcpRow, id: string): Promise<{ side: DiffSide; content: CanonicalIcp }> {
    if (id === 'draft') {
      const snapshot = snapshotOfState(await this.drafts.draftState(icp.id));
      return {
        side: { version: null, hash: snapshot.hash },
        content: JSON.parse(snapshot.canonical) as CanonicalIcp,
      };
    }
    const version = await this.versions.find(id);
    const content = version?.icp_id === icp.id ? await this.versions.content(id) : undefined;
    if (!version || !content) throw notFound('Version');
    return { side: { version, hash: version.hash }, content: JSON.parse(content.canonical) as CanonicalIcp };
  }

  /** Writes a version and its `version.created` audit entry (inside the caller's transaction). */
  private async record(input: VersionInput, trx: Kysely<Database>): Promise<VersionRecord> {
    const { icp } = input;
    const version = await this.versions.create(
      {
        icpId: icp.id,
        kind: input.kind,
        name: input.name,
        note: input.note,
        authorId: input.authorId,
        title: icp.title,
        snapshot: input.snapshot,
        restoredFrom: input.restoredFrom,
      },
      trx,
    );
    await this.recordChecklist(icp, version, input.snapshot.canonical, input.coachData, trx);
    await this.audit.append(
      {
        workspaceId: icp.workspace_id!,
        icpId: icp.id,
        kind: 'version.created',
        actorId: input.actorId,
        data: {
          versionId: version.id,
          versionNumber: version.number,
          versionHash: version.hash,
          kind: version.kind,
          name: version.name,
          restoredFrom: version.restored_from,
        },
      },
      trx,
    );
    return version;
  }

  /**
   * What the quality coach says about the version as it is recorded (its content, the ICP's
   * review cadence then, the dataset figures prepared before the transaction) and which of those
   * findings had been dismissed, with the reasons: a reviewer of this version later sees what was
   * known and accepted.
   */
  private async recordChecklist(
    icp: IcpRow,
    version: VersionRecord,
    canonical: string,
    coachData: CoachDataContext | null,
    trx: Kysely<Database>,
  ): Promise<void> {
    const now = new Date(version.created_at);
    const review = presentReview(await this.reviews.summary(icp.id, trx), icp.review_interval_days, now);
    const content = JSON.parse(canonical) as CanonicalIcp;
    const findings = evaluateCoach({
      canonical: content,
      now: now.getTime(),
      review: coachReviewOf(review),
      contributions: contributionsForCoach(await this.contributions.answer(icp.id, trx)),
      // Computed from what was loaded before the transaction; null (the data rules stay quiet)
      // without a ready dataset or on any error, which is logged and never fails the version.
      dataset: this.coachFigures.figures(coachData, content),
      kind: icp.kind,
    });
    const byKey = new Map(findings.map((f) => [findingKey(f), f]));
    const dismissals = (await this.coach.dismissals(icp.id, trx)).flatMap((d) => {
      const finding = byKey.get(d.findingKey);
      return finding ? [{ ...d, finding }] : [];
    });
    const dismissed = new Set(dismissals.map((d) => d.findingKey));
    await this.coach.recordChecklist(
      version.id,
      { findings: findings.filter((f) => !dismissed.has(findingKey(f))), dismissals },
      trx,
    );
  }

  /** Locks the ICP's row for the transaction and reads it as it is now. */
  private async lockedIcp(icpId: string, trx: Kysely<Database>): Promise<IcpRow> {
    const icp = (await this.icps.lock(icpId, trx)) ? await this.icps.find(icpId, trx) : undefined;
    if (!icp?.workspace_id) throw notFound('ICP');
    return icp;
  }

  /** The versions are committed; a failure to tell sockets must not turn that into an error. */
  private async notify(icpId: string): Promise<void> {
    try {
      await this.events.versionsChanged(icpId);
    } catch (error) {
      console.error('could not notify open sockets of a new version', error);
    }
  }
}
