import type { PendingUpdate, UpdateLog } from '../db/updateLog.js';

interface Entry {
  update: PendingUpdate | null;
  done: (error: Error | null) => void;
}

/**
 * Group commit for the update log. Updates that arrive while the database is busy, or within the
 * same turn of the event loop, are committed together in one transaction; each caller is told,
 * in arrival order, once its update is durable. A `null` update is an in-order barrier with no
 * write (an empty sync step 2 still needs its acknowledgement after the updates before it).
 */
export class UpdateCommitter {
  private queue: Entry[] = [];
  private scheduled = false;
  private flushing = false;
  private idleWaiters: (() => void)[] = [];

  constructor(
    private readonly log: UpdateLog,
    private readonly onCommitted: (batch: readonly PendingUpdate[]) => void = () => {},
  ) {}

  /** Queues an update; `done` runs after it is committed (or with the error if the commit failed). */
  enqueue(update: PendingUpdate | null, done: (error: Error | null) => void): void {
    this.queue.push({ update, done });
    this.schedule();
  }

  /**
   * Withdraws the queued (not yet in-flight) updates of one ICP: each is told of `error` instead
   * of being committed. Used when a commit of that ICP failed, since updates queued after it may
   * build on what was not stored and would then be stored unappliable.
   */
  cancel(icpId: string, error: Error): void {
    const cancelled = this.queue.filter((entry) => entry.update?.icpId === icpId);
    if (cancelled.length === 0) return;
    this.queue = this.queue.filter((entry) => entry.update?.icpId !== icpId);
    for (const entry of cancelled) {
      try {
        entry.done(error);
      } catch (failure) {
        console.error('commit callback failed', failure);
      }
    }
  }

  /** Resolves once everything queued so far is committed. */
  idle(): Promise<void> {
    if (!this.flushing && this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private schedule(): void {
    if (this.scheduled || this.flushing) return;
    this.scheduled = true;
    setImmediate(() => void this.flush());
  }

  private async flush(): Promise<void> {
    this.scheduled = false;
    this.flushing = true;
    const batch = this.queue;
    this.queue = [];
    const writes = batch.flatMap((e) => (e.update ? [e.update] : []));
    let failure: Error | null = null;
    try {
      await this.log.append(writes);
    } catch (error) {
      failure = error instanceof Error ? error : new Error(String(error));
      console.error('update log commit failed', failure);
    }
    this.flushing = false;
    if (!failure && writes.length > 0) this.onCommitted(writes);
    for (const entry of batch) {
      try {
        entry.done(failure);
      } catch (error) {
        console.error('commit callback failed', error);
      }
    }
    if (this.queue.length > 0) this.schedule();
    else this.idleWaiters.splice(0).forEach((resolve) => resolve());
  }
}
