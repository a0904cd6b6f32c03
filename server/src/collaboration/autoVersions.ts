import * as Y from 'yjs';
import type { CollabPart } from './collabPart.js';
import type { Connection } from './connection.js';
import type { Room } from './room.js';

/** Why an automatic version is recorded: the editing interval ended, or the last editor left. */
export type AutoVersionReason = 'interval' | 'editorsLeft';

/**
 * Automatic history: what the collaboration server calls to record an automatic version. `record`
 * compares with the latest version and skips an unchanged document; failures are logged by the
 * caller and never reach a socket.
 */
export interface AutoVersionHook {
  /** At most one automatic version per this many milliseconds of editing. */
  intervalMs: number;
  record(icpId: string, state: Uint8Array, reason: AutoVersionReason): Promise<void>;
}

/**
 * Keeps the automatic history of loaded ICPs. The first committed change after a version starts a
 * timer; when it fires (`intervalMs` later, however many changes came meanwhile) the document is
 * recorded. The last editor leaving, or the room unloading, records it at once. A room with no
 * change since its last automatic version records nothing.
 */
export class AutoVersions implements CollabPart {
  /** ICPs changed since their last automatic version, with the timer that will record them. */
  private readonly pending = new Map<string, NodeJS.Timeout>();
  private readonly recording = new Set<Promise<void>>();
  private stopping = false;

  constructor(
    private readonly hook: AutoVersionHook | undefined,
    /** The room's committed state once in-flight commits have landed; undefined if it is gone. */
    private readonly capture: (room: Room) => Promise<Uint8Array | undefined>,
  ) {}

  committed(room: Room): void {
    if (!room.destroyed) this.changed(room);
  }

  /** The last editor leaving records what they left behind. */
  disconnected(connection: Connection): void {
    const room = connection.room;
    if (!connection.mayWrite || this.stopping || [...room.connections].some((c) => c.mayWrite)) return;
    void this.take(room, 'editorsLeft');
  }

  unloading(room: Room): void {
    this.takeBeforeUnload(room, () => Y.encodeStateAsUpdate(room.doc));
  }

  /** Shutting down: sockets closing now are not editors leaving (each room is recorded as it unloads). */
  stop(): void {
    this.stopping = true;
  }

  async close(): Promise<void> {
    for (const timer of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
    await this.idle();
  }

  /** The room's document changed (a committed update). */
  changed(room: Room): void {
    if (!this.hook || this.pending.has(room.icpId)) return;
    const timer = setTimeout(() => void this.take(room, 'interval'), this.hook.intervalMs);
    timer.unref();
    this.pending.set(room.icpId, timer);
  }

  /** Records the room's document now if it changed since its last automatic version. */
  async take(room: Room, reason: AutoVersionReason): Promise<void> {
    if (!this.claim(room.icpId)) return;
    await this.record(room.icpId, () => this.capture(room), reason);
  }

  /**
   * Records a room that is about to be destroyed, from its document as it is now (nothing may be
   * in flight: the caller checked). The recording continues after the room is gone.
   */
  takeBeforeUnload(room: Room, state: () => Uint8Array): void {
    if (!this.claim(room.icpId)) return;
    const captured = state();
    void this.record(room.icpId, () => Promise.resolve(captured), 'editorsLeft');
  }

  /** Resolves once every recording under way has finished. */
  async idle(): Promise<void> {
    while (this.recording.size > 0) await Promise.all([...this.recording]);
  }

  private claim(icpId: string): boolean {
    const timer = this.pending.get(icpId);
    if (timer === undefined) return false;
    clearTimeout(timer);
    this.pending.delete(icpId);
    return true;
  }

  private async record(
    icpId: string,
    state: () => Promise<Uint8Array | undefined>,
    reason: AutoVersionReason,
  ): Promise<void> {
    const hook = this.hook;
    if (!hook) return;
    const run = (async () => {
      try {
        const captured = await state();
        if (captured) await hook.record(icpId, captured, reason);
      } catch (error) {
        console.error(`icp ${icpId}: automatic version failed`, error);
      }
    })();
    this.recording.add(run);
    try {
      await run;
    } finally {
      this.recording.delete(run);
    }
  }
}
