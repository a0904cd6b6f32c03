import type { CommentRow, CommentStore } from '../db/commentStore.js';
import type { IcpStore, IcpRow } from '../db/icpStore.js';
import type { VersionRecord, VersionStore } from '../db/versionStore.js';
import type { DatasetRow, DatasetStore, ImportRow } from '../db/datasetStore.js';
import type { Membership, WorkspaceRow, WorkspaceStore } from '../db/workspaceStore.js';
import type { Actor } from '../auth/authenticator.js';
import type { WorkshopRow, WorkshopStore } from '../db/workshopStore.js';
import { authorize, type Ability } from './policies.js';

/** A comment named by a request, with its ICP and the caller's membership in that ICP's workspace. */
export interface CommentAccess {
  comment: CommentRow;
  icp: IcpRow;
  membership: Membership;
}

/** A version named by a request, with its ICP and the caller's membership in that ICP's workspace. */
export interface VersionAccess {
  version: VersionRecord;
  icp: IcpRow;
  membership: Membership;
}

/** A workshop session named by a request, with its ICP and the caller's membership. */
export interface WorkshopAccess {
  workshop: WorkshopRow;
  icp: IcpRow;
  membership: Membership;
}

/**
 * Loads a workspace, ICP, comment or version named by a request together with the actor's membership, and
 * authorizes the ability the route needs, so no route can forget a check.
 */
export class AccessLoader {
  constructor(
    private readonly workspaces: WorkspaceStore,
    private readonly icps: IcpStore,
    private readonly comments: CommentStore,
    private readonly versions: VersionStore,
    private readonly datasets: DatasetStore,
    private readonly workshops: WorkshopStore,
  ) {}

  /** A workshop with its ICP: other workspaces' sessions answer 404 exactly like unknown ones. */
  async workshop(actor: Actor, workshopId: string, ability: Ability): Promise<WorkshopAccess> {
    const workshop = await this.workshops.find(workshopId);
    const icp = workshop ? await this.icps.find(workshop.icp_id) : undefined;
    const membership = icp?.workspace_id
      ? await this.workspaces.membership(icp.workspace_id, actor.user.id)
      : undefined;
    authorize(membership, ability, 'Workshop', icp);
    return { workshop: workshop!, icp: icp!, membership };
  }

  /** A dataset with the caller's membership: other workspaces' datasets answer 404 like unknown ones. */
  async dataset(
    actor: Actor,
    datasetId: string,
    ability: Ability,
  ): Promise<{ dataset: DatasetRow; membership: Membership }> {
    const dataset = await this.datasets.find(datasetId);
    const membership = dataset
      ? await this.workspaces.membership(dataset.workspace_id, actor.user.id)
      : undefined;
    authorize(membership, ability, 'Dataset');
    return { dataset: dataset!, membership };
  }

  /** An import with its dataset and the caller's membership (404 for other workspaces' imports). */
  async datasetImport(
    actor: Actor,
    importId: string,
    ability: Ability,
  ): Promise<{ upload: ImportRow; dataset: DatasetRow; membership: Membership }> {
    const upload = await this.datasets.findImport(importId);
    const dataset = upload ? await this.datasets.find(upload.dataset_id) : undefined;
    const membership = dataset
      ? await this.workspaces.membership(dataset.workspace_id, actor.user.id)
      : undefined;
    authorize(membership, ability, 'Import');
    return { upload: upload!, dataset: dataset!, membership };
  }

  async workspace(
    actor: Actor,
    workspaceId: string,
    ability: Ability,
  ): Promise<{ workspace: WorkspaceRow; membership: Membership }> {
    const [workspace, membership] = await Promise.all([
      this.workspaces.find(workspaceId),
      this.workspaces.membership(workspaceId, actor.user.id),
    ]);
    const member = workspace ? membership : undefined;
    authorize(member, ability, 'Workspace');
    return { workspace: workspace!, membership: member };
  }

  async icp(actor: Actor, icpId: string, ability: Ability): Promise<{ icp: IcpRow; membership: Membership }> {
    const icp = await this.icps.find(icpId);
    const membership = icp?.workspace_id
      ? await this.workspaces.membership(icp.workspace_id, actor.user.id)
      : undefined;
    authorize(membership, ability, 'ICP', icp);
    return { icp: icp!, membership };
  }

  /**
   * A comment with its ICP: ids of other workspaces' comments answer 404 exactly like unknown ones;
   * the ability is checked on the comment's ICP (archived ICPs take commenting away).
   */
  async comment(actor: Actor, commentId: string, ability: Ability): Promise<CommentAccess> {
    const comment = await this.comments.find(commentId);
    const icp = comment ? await this.icps.find(comment.icp_id) : undefined;
    const membership = icp?.workspace_id
      ? await this.workspaces.membership(icp.workspace_id, actor.user.id)
      : undefined;
    authorize(membership, ability, 'Comment', icp);
    return { comment: comment!, icp: icp!, membership };
  }

  /** A version with its ICP: other workspaces' versions answer 404 exactly like unknown ones. */
  async version(actor: Actor, versionId: string, ability: Ability): Promise<VersionAccess> {
    const version = await this.versions.find(versionId);
    const icp = version ? await this.icps.find(version.icp_id) : undefined;
    const membership = icp?.workspace_id
      ? await this.workspaces.membership(icp.workspace_id, actor.user.id)
      : undefined;
    authorize(membership, ability, 'Version', icp);
    return { version: version!, icp: icp!, membership };
  }
}
