import type { UpdateLog } from '../db/updateLog.js';
import type { CollabPart } from './collabPart.js';
import type { Room } from './room.js';

/**
 * Keeps each ICP's update log short: once a loaded room's tail reaches `compactAfterUpdates` rows
 * (at load, or by commits since), the log is merged into its snapshot in the background; a room
 * that committed anything is compacted when it unloads. Compactions of one ICP never overlap: in
 * this process by the `compacting` set, across instances by the log's own advisory lock.
 */
export class Compaction implements CollabPart {
  private readonly compacting = new Set<string>();

  constructor(
    private readonly updateLog: UpdateLog,
    private readonly compactAfterUpdates: number,
  ) {}

  roomLoaded(room: Room): void {
    this.check(room);
  }

  committed(room: Room): void {
    room.updatesSinceCompaction++;
    this.check(room);
  }

  async unloaded(room: Room): Promise<void> {
    if (room.updatesSinceCompaction > 0) await this.compact(room.icpId);
  }

  private check(room: Room): void {
    if (room.updatesSinceCompaction < this.compactAfterUpdates || this.compacting.has(room.icpId)) return;
    room.updatesSinceCompaction = 0;
    void this.compact(room.icpId);
  }

  private async compact(icpId: string): Promise<void> {
    if (this.compacting.has(icpId)) return;
    this.compacting.add(icpId);
    try {
      await this.updateLog.compact(icpId);
    } catch (error) {
      console.error(`icp ${icpId}: compaction failed (the log is intact)`, error);
    } finally {
      this.compacting.delete(icpId);
    }
  }
}
