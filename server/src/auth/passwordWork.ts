import os from 'node:os';
import { HttpError, serverBusy } from '../errors.js';

export interface PasswordWorkOptions {
  /** Password hashes (scrypt) computed at once; the rest wait in line. */
  concurrency: number;
  /** Requests one client may have waiting; beyond that it is answered 429 at once. */
  maxQueuedPerClient: number;
  /** Requests all clients together may have waiting; beyond that 503 at once. */
  maxQueued: number;
}

export const PASSWORD_WORK_DEFAULTS: PasswordWorkOptions = {
  // One core fewer than the machine has (1 to 4): hashing never takes the CPU the event loop
  // needs to relay edits, and leaves libuv's other threads (file system, DNS, zlib) free.
  concurrency: Math.max(1, Math.min(4, os.availableParallelism() - 1)),
  maxQueuedPerClient: 8,
  maxQueued: 64,
};

/** Seconds a refused client is told to wait before retrying. */
const RETRY_AFTER_SECONDS = 1;

interface Waiter {
  start: () => void;
}

/**
 * Bounds the CPU spent on password hashing (sign-in, sign-up, password changes): at most
 * `concurrency` run at once, and waiting requests are served round-robin per client, so one
 * client firing hundreds of attempts delays another client's sign-in by at most one hash per slot
 * instead of all of them. Queues are bounded: a full line is refused at once (429 for the client
 * with too many waiting, 503 when everyone's line is full) rather than letting requests pile up.
 *
 * Per process, on purpose: hashing is this process's CPU. Rate limits across instances are the
 * limiter store's job (see loginRateLimit).
 */
export class PasswordWork {
  private running = 0;
  private queued = 0;
  /** Waiting requests per client, in arrival order. */
  private readonly lines = new Map<string, Waiter[]>();
  /** Per client with work running or waiting: how many run, and when it last got a slot. */
  private readonly clients = new Map<string, { running: number; servedAt: number }>();
  private tick = 0;

  constructor(private readonly options: PasswordWorkOptions = PASSWORD_WORK_DEFAULTS) {}

  /** Runs `work` once a slot is free for `client`; throws a 429/503 HttpError if it cannot wait. */
  async run<T>(client: string, work: () => Promise<T>): Promise<T> {
    const release = await this.acquire(client);
    try {
      return await work();
    } finally {
      release();
    }
  }

  /** Waits for a slot; the returned function gives it back (idempotent). */
  acquire(client: string): Promise<() => void> {
    if (this.running < this.options.concurrency && this.queued === 0) {
      return Promise.resolve(this.serve(client));
    }
    const line = this.lines.get(client);
    if ((line?.length ?? 0) >= this.options.maxQueuedPerClient) {
      return Promise.reject(
        new HttpError(
          429,
          'rate_limited',
          'Too many password requests from your address at once; wait a moment and try again',
          undefined,
          RETRY_AFTER_SECONDS,
        ),
      );
    }
    if (this.queued >= this.options.maxQueued) {
      return Promise.reject(
        serverBusy('The server is busy checking passwords; try again in a moment', RETRY_AFTER_SECONDS),
      );
    }
    return new Promise((resolve) => {
      const waiter: Waiter = { start: () => resolve(this.serve(client)) };
      if (line) line.push(waiter);
      else this.lines.set(client, [waiter]);
      this.queued++;
    });
  }

  /** Counts for benchmarks and tests. */
  get stats(): { running: number; queued: number } {
    return { running: this.running, queued: this.queued };
  }

  /** Gives `client` a slot; answers the function that gives it back. */
  private serve(client: string): () => void {
    const state = this.clients.get(client) ?? { running: 0, servedAt: 0 };
    state.running++;
    state.servedAt = ++this.tick;
    this.clients.set(client, state);
    this.running++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.running--;
      state.running--;
      if (state.running === 0 && !this.lines.has(client)) this.clients.delete(client);
      this.next();
    };
  }

  /**
   * Starts waiters while slots are free, each time for the waiting client served longest ago (a
   * client that has not been served yet comes first): round-robin across clients.
   */
  private next(): void {
    while (this.running < this.options.concurrency && this.queued > 0) {
      let chosen: string | undefined;
      let oldest = Infinity;
      for (const client of this.lines.keys()) {
        const servedAt = this.clients.get(client)?.servedAt ?? 0;
        if (servedAt < oldest) {
          oldest = servedAt;
          chosen = client;
        }
      }
      const line = this.lines.get(chosen!)!;
      const waiter = line.shift()!;
      if (line.length === 0) this.lines.delete(chosen!);
      this.queued--;
      waiter.start();
    }
  }
}
