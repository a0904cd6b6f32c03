import type { IcpFunction, SectionKey, WorkshopState } from '@bullseye/shared';
import type { IcpStore } from '../db/icpStore.js';
import type { WorkshopStore } from '../db/workshopStore.js';
import type { CollabEvents } from './collabEvents.js';
import type { CollabPart } from './collabPart.js';
import type { Connection } from './connection.js';
import type { Room } from './room.js';

/** Edits are gathered and written this often (coverage counts, not content: nothing is at risk). */
const FLUSH_EVERY_MS = 3_000;

interface Counted {
  userId: string;
  section: SectionKey;
  function: IcpFunction;
  count: number;
}

/**
 * Counts who edits which section while a workshop runs on an ICP, for the session's function
 * coverage: every committed update from a connection is attributed to its person's function and
 * to the sections it touched. Counts are written every few seconds; the session is pushed again
 * when a person touches a section for the first time, so coverage moves live without a push per
 * keystroke. ICPs without a running session cost one map lookup per update.
 */
export class WorkshopActivity implements CollabPart {
  /** Running sessions by ICP id. */
  private readonly running = new Map<string, string>();
  /** Counted edits not yet written, by session (and its ICP), then by person and section. */
  private readonly pending = new Map<string, { icpId: string; edits: Map<string, Counted> }>();
  /** Person and section pairs already recorded, by session. */
  private readonly recorded = new Map<string, Set<string>>();
  private readonly timer: NodeJS.Timeout;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: WorkshopStore,
    private readonly icps: IcpStore,
    private readonly events: () => CollabEvents,
  ) {
    this.timer = setInterval(() => void this.flush(), FLUSH_EVERY_MS);
    this.timer.unref();
  }

  /** A session changed here or on another instance: start or stop counting for its ICP. */
  sessionChanged(state: WorkshopState): void {
    if (state.status === 'running') {
      this.running.set(state.icpId, state.id);
      return;
    }
    if (this.running.get(state.icpId) === state.id) this.running.delete(state.icpId);
    this.recorded.delete(state.id);
  }

  roomLoaded(room: Room): void {
    this.store
      .running(room.icpId)
      .then((row) => {
        if (row) this.running.set(room.icpId, row.id);
      })
      .catch((error: unknown) => console.error(`icp ${room.icpId}: could not look up its workshop`, error));
  }

  /** A connection's committed update changed these sections (see SectionEdits). */
  readonly sectionsEdited = (room: Room, origin: Connection, sections: ReadonlySet<SectionKey>): void => {
    const workshopId = this.running.get(room.icpId);
    if (!workshopId) return;
    const fn = origin.reviewer.function;
    if (!fn) return;
    let byPerson = this.pending.get(workshopId)?.edits;
    for (const section of sections) {
      if (!byPerson) this.pending.set(workshopId, { icpId: room.icpId, edits: (byPerson = new Map()) });
      const userId = origin.actor.user.id;
      const key = `${userId}|${section}`;
      const counted = byPerson.get(key);
      if (counted) counted.count++;
      else byPerson.set(key, { userId, section, function: fn, count: 1 });
    }
  };

  unloaded(room: Room): void {
    this.running.delete(room.icpId);
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }

  /** Writes what was counted; pushes sessions whose coverage gained a person or a section. */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(() => this.write());
    return this.flushing;
  }

  private async write(): Promise<void> {
    const batches = [...this.pending];
    this.pending.clear();
    for (const [workshopId, { icpId, edits: byPerson }] of batches) {
      const edits = [...byPerson.values()];
      try {
        // Counted while the session ran; written only if it still runs (an end that raced the
        // counting, or a missed notice from another instance, must not grow a closed record).
        if (!(await this.store.addEdits(workshopId, edits))) {
          if (this.running.get(icpId) === workshopId) this.running.delete(icpId);
          this.recorded.delete(workshopId);
          continue;
        }
        const recorded = this.recorded.get(workshopId) ?? new Set<string>();
        this.recorded.set(workshopId, recorded);
        const fresh = edits.filter((e) => !recorded.has(`${e.userId}|${e.section}`));
        for (const e of fresh) recorded.add(`${e.userId}|${e.section}`);
        if (fresh.length === 0) continue;
        const [state, icp] = await Promise.all([this.store.state(workshopId), this.icps.find(icpId)]);
        if (state && icp) await this.events().publishWorkshop(icp, state);
      } catch (error) {
        console.error(`workshop ${workshopId}: could not record edits for coverage`, error);
      }
    }
  }
}
