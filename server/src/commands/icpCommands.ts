import type { IcpDto } from '@bullseye/shared';
import type { IcpStore } from '../db/icpStore.js';
import type { Membership } from '../db/workspaceStore.js';
import type { CollabEvents } from '../collaboration/collabEvents.js';
import { notFound } from '../errors.js';
import { memberAbilities } from '../policies/policies.js';
import { presentIcp } from '../presenters/icp.js';

/**
 * Changes to ICP records that open editors must hear about: each writes the record, then pushes
 * the new record to the ICP's connected clients (each with their own abilities).
 */
export class IcpCommands {
  constructor(
    private readonly icps: IcpStore,
    private readonly collab: CollabEvents,
  ) {}

  async create(membership: Membership, title: string): Promise<IcpDto> {
    const row = await this.icps.create(membership.workspaceId, title);
    return presentIcp(row, memberAbilities(membership, row));
  }

  async rename(membership: Membership, id: string, title: string): Promise<IcpDto> {
    const row = await this.icps.rename(id, title);
    if (!row) throw notFound('ICP');
    await this.collab.publishIcp(row);
    return presentIcp(row, memberAbilities(membership, row));
  }

  async setArchived(membership: Membership, id: string, archived: boolean): Promise<IcpDto> {
    const row = await this.icps.setArchived(id, archived);
    if (!row) throw notFound('ICP');
    await this.collab.setReadOnly(id, archived);
    await this.collab.publishIcp(row);
    return presentIcp(row, memberAbilities(membership, row));
  }
}
