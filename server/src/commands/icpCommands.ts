import type { IcpDto } from '@bullseye/shared';
import type { IcpStore } from '../db/icpStore.js';
import type { CollabServer } from '../collaboration/collabServer.js';
import { notFound } from '../errors.js';
import { presentIcp } from '../presenters/icp.js';

/**
 * Changes to ICP records that open editors must hear about: each writes the record, then pushes
 * the new record to the ICP's connected clients.
 */
export class IcpCommands {
  constructor(
    private readonly icps: IcpStore,
    private readonly collab: CollabServer,
  ) {}

  async create(title: string): Promise<IcpDto> {
    return presentIcp(await this.icps.create(title));
  }

  async rename(id: string, title: string): Promise<IcpDto> {
    const row = await this.icps.rename(id, title);
    if (!row) throw notFound('ICP');
    const icp = presentIcp(row);
    await this.collab.publish(id, { type: 'icp.updated', icp });
    return icp;
  }

  async setArchived(id: string, archived: boolean): Promise<IcpDto> {
    const row = await this.icps.setArchived(id, archived);
    if (!row) throw notFound('ICP');
    const icp = presentIcp(row);
    await this.collab.setReadOnly(id, archived);
    await this.collab.publish(id, { type: 'icp.updated', icp });
    return icp;
  }
}
