import type { IcpStore } from '../db/icpStore.js';
import type { CollabPart } from './collabPart.js';
import type { Room } from './room.js';

/** How often "last updated" of an ICP being edited is written: not once per keystroke. */
const TOUCH_EVERY_MS = 15_000;

/** Keeps each edited ICP's "last updated" roughly current (the ICP list sorts by it). */
export class EditActivity implements CollabPart {
  private readonly touchedAt = new Map<string, number>();

  constructor(private readonly icps: IcpStore) {}

  committed(room: Room): void {
    const now = Date.now();
    if (now - (this.touchedAt.get(room.icpId) ?? 0) <= TOUCH_EVERY_MS) return;
    this.touchedAt.set(room.icpId, now);
    this.icps.touch(new Set([room.icpId])).catch((e: unknown) => console.error('touch failed', e));
  }

  unloaded(room: Room): void {
    this.touchedAt.delete(room.icpId);
  }
}
