import type { Room } from './room.js';

/**
 * Automatic history: what the collaboration server calls to record an automatic version. `record`
 * compares with the latest version and skips an unchanged document; failures are logged by the
 * caller and never reach a socket.
 */
export interface AutoVersionHook {
  /** At most one automatic version per this many milliseconds of editing. */
  intervalMs: number;
  record(icpId: string, state: Uint8Array): Promise<void>;
}

/**
 * Keeps the automatic history of loaded ICPs. The first committed change after a version starts a
 * timer; when it fires (`intervalMs` later, however many changes came meanwhile) the document is
 * recorded. The last editor leaving, or the room unloading, records it at once. A room with no
 * change since its last automatic version records nothing.
 */
export class AutoVersions {
  /** ICPs changed since their last automatic version, with the timer that will record them. */
  private readonly pending = new Map<string, NodeJS.Timeout>();
  private readonly recording = new Set<Promise<void>>();

  constructor(
    private readonly hook: AutoVersionHook | undefined,
    /** The room's committed state once in-flight commits have landed; undefined if it is gone. */
    private readonly capture: (room: Room) => Promise<Uint8Array | undefined>,
  ) {}

  /** The room's document changed (a committed update). */
  changed(room: Room): void {
    if (!this.hook || this.pending.has(room.icpId)) return;
    const timer = setTimeout(() => void this.take(room), this.hook.intervalMs);
    timer.unref();
    this.pending.set(room.icpId, timer);
  }

  /** Records the room's document now if it changed since its last automatic version. */
  async take(room: Room): Promise<void> {
    if (!this.claim(room.icpId)) return;
    await this.record(room.icpId, () => this.capture(room));
  }

  /**
   * Records a room that is about to be destroyed, from its document as it is now (nothing may be
   * in flight: the caller checked). The recording continues after the room is gone.
   */
  takeBeforeUnload(room: Room, state: () => Uint8Array): void {
    if (!this.claim(room.icpId)) return;
    const captured = state();
    void this.record(room.icpId, () => Promise.resolve(captured));
  }

  /** Resolves once every recording under way has finished. */
  async idle(): Promise<void> {
    while (this.recording.size > 0) await Promise.all([...this.recording]);
  }

  /** Stops every timer (shutting down). */
  stop(): void {
    for (const timer of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
  }

  private claim(icpId: string): boolean {
    const timer = this.pending.get(icpId);
    if (timer === undefined) return false;
    clearTimeout(timer);
    this.pending.delete(icpId);
    return true;
  }

  private async record(icpId: string, state: () => Promise<Uint8Array | undefined>): Promise<void> {
    const hook = this.hook;
    if (!hook) return;
    const run = (async () => {
      try {
        const captured = await state();
        if (captured) await hook.record(icpId, captured);
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
