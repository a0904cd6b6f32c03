interface Slot {
  nextAt: number;
  readonly periodMs: number;
  readonly action: () => void;
}

/**
 * Drives every client's periodic actions from ONE interval instead of one timer per client: with
 * hundreds of clients on a 2-core machine shared with the server, timer overhead would otherwise
 * be measured as latency. Each action runs at most once per tick; an action that fell more than a
 * period behind (the process was starved) is rescheduled instead of fired in a burst, and counted.
 */
export class Ticker {
  private readonly slots: Slot[] = [];
  private timer: NodeJS.Timeout | undefined;
  /** Actions skipped because the process could not keep up; non-zero means the offered load dropped. */
  skipped = 0;

  constructor(private readonly tickMs = 5) {}

  /** Runs `action` every `periodMs`, first at `offsetMs` after `start()`. */
  every(periodMs: number, offsetMs: number, action: () => void): void {
    this.slots.push({ nextAt: offsetMs, periodMs, action });
  }

  start(): void {
    const start = performance.now();
    for (const slot of this.slots) slot.nextAt += start;
    this.timer = setInterval(() => this.tick(), this.tickMs);
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private tick(): void {
    const now = performance.now();
    for (const slot of this.slots) {
      if (slot.nextAt > now) continue;
      slot.action();
      slot.nextAt += slot.periodMs;
      if (slot.nextAt <= now) {
        this.skipped++;
        slot.nextAt = now + slot.periodMs;
      }
    }
  }
}
