import type { IcpFunction, SectionKey } from '@bullseye/shared';
import type { ContributionStore } from '../db/contributionStore.js';
import type { CollabPart } from './collabPart.js';
import type { Connection } from './connection.js';
import type { Room } from './room.js';

/** Counted edits are written this often (and when the server stops). */
const FLUSH_EVERY_MS = 5_000;

/**
 * Counts who edits which section of each ICP, as which function, from every committed update of
 * a member who represents a function: the ivory-tower rules of the quality coach read it ("only
 * sales wrote this section", "product contributed nothing"). Counts, not content: they are
 * gathered in memory and written every few seconds.
 */
export class SectionContributions implements CollabPart {
  private pending = new Map<
    string,
    { icpId: string; userId: string; section: SectionKey; function: IcpFunction; count: number }
  >();
  private readonly timer: NodeJS.Timeout;
  private flushing: Promise<void> = Promise.resolve();

  constructor(private readonly store: ContributionStore) {
    this.timer = setInterval(() => void this.flush(), FLUSH_EVERY_MS);
    this.timer.unref();
  }

  /** A connection's committed update changed these sections (see SectionEdits). */
  readonly sectionsEdited = (room: Room, origin: Connection, sections: ReadonlySet<SectionKey>): void => {
    const fn = origin.reviewer.function;
    if (!fn) return;
    const userId = origin.actor.user.id;
    for (const section of sections) {
      const key = `${room.icpId}|${userId}|${section}`;
      const counted = this.pending.get(key);
      if (counted) counted.count++;
      else this.pending.set(key, { icpId: room.icpId, userId, section, function: fn, count: 1 });
    }
  };

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }

  flush(): Promise<void> {
    this.flushing = this.flushing.then(async () => {
      if (this.pending.size === 0) return;
      const batch = [...this.pending.values()];
      this.pending = new Map();
      try {
        await this.store.addEdits(batch);
      } catch (error) {
        console.error('could not record section contributions', error);
      }
    });
    return this.flushing;
  }
}
