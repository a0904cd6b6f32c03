import { execFileSync, fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { collabUrl } from '../support/rawSocket.js';
import type { BullseyeTarget } from './benchServer.js';
import { registerCleanup } from './cleanup.js';
import { readCpuMs } from './processStats.js';
import { withTimeout } from './timeouts.js';

/** Bench → idle-socket process. */
export type ToIdleProcess =
  | { type: 'open'; urls: string[]; token: string; concurrency: number; timeoutMs: number }
  | { type: 'count' }
  | { type: 'close' };

/** Idle-socket process → bench. */
export type FromIdleProcess =
  | { type: 'ready' }
  | { type: 'opened'; syncMs: number[]; failed: number; firstError?: string }
  | { type: 'count'; open: number };

const main = path.join(import.meta.dirname, 'idleSocketsMain.ts');

/** Upgrades in flight per process: the server authenticates each one (token, ICP, membership). */
const CONCURRENCY = 50;
/** The longest one socket may take from `new WebSocket` to synced. */
const SYNC_TIMEOUT_MS = 30_000;

/** The longest opening `count` sockets may take (at least 30 ms per socket, 100 s in all). */
export function openingBudgetMs(count: number): number {
  return Math.max(100_000, count * 30);
}

/** What opening the sockets took. */
export interface IdleSocketsOpened {
  opened: number;
  failed: number;
  firstError?: string;
  /** Every socket's time from `new WebSocket` to the server's sync step 2, in ms. */
  syncMs: number[];
}

/**
 * Idle collaboration sockets held by child processes (see `idleSocketsMain.ts`), each child opening
 * its share in batches of CONCURRENCY. Socket i opens on ICP i mod ICPs, so every ICP gets as many.
 */
export class IdleSockets {
  private readonly removeCleanup: () => Promise<void>;

  private constructor(private readonly children: readonly ChildProcess[]) {
    this.removeCleanup = registerCleanup('idle-socket processes', () => this.kill());
  }

  /** The children's process ids (their CPU is not the bench's). */
  get pids(): number[] {
    return this.children.map((c) => c.pid ?? 0);
  }

  /** CPU time of the children so far, in ms. */
  cpuMs(): number {
    return this.pids.reduce((sum, pid) => sum + readCpuMs(pid), 0);
  }

  static async open(
    server: BullseyeTarget,
    icpIds: readonly string[],
    count: number,
    processes: number,
  ): Promise<{ sockets: IdleSockets; opened: IdleSocketsOpened }> {
    const token = server.token;
    if (!token) throw new Error('the bench server was started without a provisioned owner (no API token)');
    const urls = icpIds.map((id) => collabUrl(server.server, id));
    const children = Array.from({ length: processes }, () =>
      fork(main, [], { cwd: import.meta.dirname, execArgv: ['--import', 'tsx'] }),
    );
    const sockets = new IdleSockets(children);
    try {
      await Promise.all(children.map((child) => sockets.answer(child, 'ready', 30_000)));
      const budgetMs = openingBudgetMs(count);
      const answers = await Promise.all(
        children.map((child, c) => {
          const mine = Array.from({ length: count }, (_, i) => i)
            .filter((i) => i % processes === c)
            .map((i) => urls[i % urls.length]!);
          const opened = sockets.answer(child, 'opened', budgetMs);
          child.send({
            type: 'open',
            urls: mine,
            token,
            concurrency: CONCURRENCY,
            timeoutMs: SYNC_TIMEOUT_MS,
          });
          return opened;
        }),
      );
      return {
        sockets,
        opened: {
          opened: answers.reduce((sum, a) => sum + a.syncMs.length, 0),
          failed: answers.reduce((sum, a) => sum + a.failed, 0),
          firstError: answers.find((a) => a.firstError)?.firstError,
          syncMs: answers.flatMap((a) => a.syncMs),
        },
      };
    } catch (error) {
      await sockets.close();
      throw error;
    }
  }

  /** Sockets still open now, as their processes see them. */
  async countOpen(): Promise<number> {
    const answers = await Promise.all(
      this.children.map((child) => {
        const answer = this.answer(child, 'count', 10_000);
        child.send({ type: 'count' });
        return answer;
      }),
    );
    return answers.reduce((sum, a) => sum + a.open, 0);
  }

  /** Closes every socket and ends the processes (SIGKILL after 10 s). */
  async close(): Promise<void> {
    await Promise.all(
      this.children.map(async (child) => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        if (child.connected) child.send({ type: 'close' });
        await withTimeout(exited, 10_000, 'idle-socket process exit').catch(() => child.kill('SIGKILL'));
      }),
    );
    await this.removeCleanup();
  }

  private async kill(): Promise<void> {
    for (const child of this.children) child.kill('SIGKILL');
  }

  /** The next message of `type` from `child`; rejects if the child exits or `ms` pass first. */
  private answer<T extends FromIdleProcess['type']>(
    child: ChildProcess,
    type: T,
    ms: number,
  ): Promise<Extract<FromIdleProcess, { type: T }>> {
    let onMessage: (message: FromIdleProcess) => void = () => {};
    let onExit: () => void = () => {};
    const answered = new Promise<Extract<FromIdleProcess, { type: T }>>((resolve, reject) => {
      onMessage = (message) => {
        if (message.type === type) resolve(message as Extract<FromIdleProcess, { type: T }>);
      };
      onExit = () => reject(new Error(`the idle-socket process ${child.pid} exited`));
      child.on('message', onMessage);
      child.once('exit', onExit);
    });
    return withTimeout(answered, ms, `the idle-socket process's "${type}"`).finally(() => {
      child.off('message', onMessage);
      child.off('exit', onExit);
    });
  }
}

/**
 * The soft limit on open files (`ulimit -n`) of this process, which the server and the idle-socket
 * processes inherit, raised towards `needed` (up to the hard limit, with util-linux's `prlimit` on
 * this process) when it is lower. Answers the limit in force.
 */
export function ensureOpenFiles(needed: number): { soft: number; hard: number } {
  const read = (): { soft: number; hard: number } => {
    const line = /^Max open files\s+(\S+)\s+(\S+)/m.exec(fs.readFileSync('/proc/self/limits', 'utf8'));
    const limit = (value: string | undefined): number => (value === 'unlimited' ? Infinity : Number(value));
    return { soft: limit(line?.[1]), hard: limit(line?.[2]) };
  };
  const before = read();
  if (before.soft >= needed) return before;
  const soft = Math.min(needed, before.hard);
  try {
    const hard = before.hard === Infinity ? 'unlimited' : before.hard;
    execFileSync('prlimit', ['--pid', String(process.pid), `--nofile=${soft}:${hard}`], {
      stdio: 'ignore',
    });
  } catch {
    // No prlimit, or not allowed: the caller reports the limit in force.
  }
  return read();
}
