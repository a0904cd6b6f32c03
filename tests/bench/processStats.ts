import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

/** Clock ticks per second of /proc CPU times (USER_HZ); 100 on practically every Linux. */
const ticksPerSecond = ((): number => {
  try {
    const value = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
    return Number.isFinite(value) && value > 0 ? value : 100;
  } catch {
    return 100;
  }
})();

/**
 * User + system CPU time of a process (all its threads) in milliseconds, from /proc/<pid>/stat.
 * Resolution is one tick (10 ms), fine for windows of seconds.
 */
export function readCpuMs(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) may contain spaces; fields are counted from after its ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]); // field 14
  const stime = Number(fields[12]); // field 15
  if (!Number.isFinite(utime) || !Number.isFinite(stime)) throw new Error(`unreadable /proc/${pid}/stat`);
  return ((utime + stime) * 1000) / ticksPerSecond;
}

/** Resident set size of a process in bytes (VmRSS of /proc/<pid>/status). */
export function readRssBytes(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status);
  if (!match) throw new Error(`no VmRSS in /proc/${pid}/status`);
  return Number(match[1]) * 1024;
}

/**
 * Peak resident set size of a process since it started, in bytes (VmHWM of /proc/<pid>/status):
 * the kernel's own high-water mark, so no spike between two samples is missed.
 */
export function readPeakRssBytes(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /^VmHWM:\s+(\d+)\s+kB$/m.exec(status);
  if (!match) throw new Error(`no VmHWM in /proc/${pid}/status`);
  return Number(match[1]) * 1024;
}

/**
 * Samples a process's RSS every `intervalMs` until stopped and keeps the largest reading. A process
 * that has exited (or been replaced) ends the sampling instead of throwing from the timer.
 */
export class RssSampler {
  private timer: NodeJS.Timeout | undefined;
  /** Largest VmRSS seen, in bytes; 0 before the first sample. */
  peakBytes = 0;
  samples = 0;

  constructor(
    private readonly pid: number,
    private readonly intervalMs = 100,
  ) {}

  start(): this {
    this.sample();
    this.timer = setInterval(() => this.sample(), this.intervalMs);
    return this;
  }

  /** Takes a last sample (if the process still runs) and stops; returns the peak in bytes. */
  stop(): number {
    if (this.timer) this.sample();
    clearInterval(this.timer);
    this.timer = undefined;
    return this.peakBytes;
  }

  private sample(): void {
    try {
      this.peakBytes = Math.max(this.peakBytes, readRssBytes(this.pid));
      this.samples++;
    } catch {
      clearInterval(this.timer);
      this.timer = undefined;
    }
  }
}

/**
 * CPU time all processes of the machine spent busy, in milliseconds summed over CPUs (first line
 * of /proc/stat: everything but idle and iowait). Minus the server's and the bench's own CPU over
 * the same window, it shows whether something else competed for the CPUs during a measurement.
 */
export function readMachineBusyMs(): number {
  const line = fs.readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!;
  const [, ...ticks] = line.trim().split(/\s+/).map(Number);
  const total = ticks.reduce((sum, t) => sum + t, 0);
  const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0);
  return ((total - idle) * 1000) / ticksPerSecond;
}

/** CPU use over a window, as % of one core: the server's, the bench process's, everything else's. */
export interface CpuShares {
  elapsedMs: number;
  serverCpuMs: number;
  serverCpuPercent: number;
  /** The bench process itself (clients, uploads, parsing). */
  benchCpuMs: number;
  benchCpuPercent: number;
  /** Other processes of the machine (with PostgreSQL, the database's own processes count here). */
  otherCpuPercent: number;
}

/**
 * Starts measuring when constructed; `end()` reads the CPU each side used since. Without a server
 * `pid` (the bench working alone), the server's share is 0; with several (instances of a cluster),
 * it is their sum.
 */
export class CpuWindow {
  private readonly startedAt = performance.now();
  private readonly pids: readonly number[];
  private readonly serverBefore: number;
  private readonly machineBefore = readMachineBusyMs();
  private readonly benchBefore = process.cpuUsage();

  constructor(pid?: number | readonly number[]) {
    this.pids = pid === undefined ? [] : typeof pid === 'number' ? [pid] : pid;
    this.serverBefore = this.serverMs();
  }

  private serverMs(): number {
    return this.pids.reduce((sum, pid) => sum + readCpuMs(pid), 0);
  }

  end(): CpuShares {
    const serverCpuMs = this.serverMs() - this.serverBefore;
    const machineBusyMs = readMachineBusyMs() - this.machineBefore;
    const bench = process.cpuUsage(this.benchBefore);
    const elapsedMs = performance.now() - this.startedAt;
    const benchCpuMs = (bench.user + bench.system) / 1_000;
    return {
      elapsedMs,
      serverCpuMs,
      serverCpuPercent: (serverCpuMs / elapsedMs) * 100,
      benchCpuMs,
      benchCpuPercent: (benchCpuMs / elapsedMs) * 100,
      otherCpuPercent: (Math.max(0, machineBusyMs - serverCpuMs - benchCpuMs) / elapsedMs) * 100,
    };
  }
}

export const MiB = 1024 * 1024;

/**
 * CPU time so far (ms) of the processes serving a cluster, by pid: the PostgreSQL backends connected
 * to `database` (their command line names it) and the Redis server. Two readings give their CPU
 * over a window (`servicesCpuMsBetween`); PostgreSQL's shared background processes are not counted.
 */
export function readServicesCpuMs(database: string): Map<number, number> {
  const cpu = new Map<number, number>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    try {
      const name = fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
      const serves =
        name === 'redis-server' ||
        (name === 'postgres' &&
          fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ').includes(` ${database} `));
      if (serves) cpu.set(pid, readCpuMs(pid));
    } catch {
      // The process ended meanwhile.
    }
  }
  return cpu;
}

/** CPU (ms) the processes of two `readServicesCpuMs` readings used between them (new ones: all of theirs). */
export function servicesCpuMsBetween(
  before: ReadonlyMap<number, number>,
  after: ReadonlyMap<number, number>,
): number {
  let sum = 0;
  for (const [pid, ms] of after) sum += ms - (before.get(pid) ?? 0);
  return sum;
}
