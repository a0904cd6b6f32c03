import type { BenchConfig } from './benchConfig.js';
import { BullseyeTarget, StockTarget, startTarget, stopTarget, type ServerKind } from './benchServer.js';
import { percentile } from './percentile.js';
import { MiB, readRssBytes } from './processStats.js';
import { sleep } from './timeouts.js';

/** How long a started server is left alone before its idle RSS is read. */
const SETTLE_MS = 1_000;

export interface StartupResult {
  server: ServerKind;
  runs: number;
  /** Spawn to the "listening" line, median and range over the runs. */
  startMs: number;
  startMinMs: number;
  startMaxMs: number;
  /** RSS of the idle process SETTLE_MS after it started listening (median over the runs). */
  idleRssMiB: number;
}

/**
 * Starts the server once (untimed: Bullseye creates and migrates its database, the OS caches the
 * files), then restarts it `config.startupRuns` times on the same data, timing each start from the
 * spawn to the line that says it is listening, and reads its RSS once it has settled. Nothing
 * connects to it; Bullseye runs without provisioning (no requests at all).
 */
export async function runStartupScenario(kind: ServerKind, config: BenchConfig): Promise<StartupResult> {
  const target = await startTarget(kind, {}, config.serverNodeArgs, false);
  try {
    const starts: number[] = [];
    const rss: number[] = [];
    for (let run = 0; run < config.startupRuns; run++) {
      if (target instanceof BullseyeTarget) {
        await target.server.stop();
        const stoppedAt = performance.now();
        await target.server.restart();
        starts.push(performance.now() - stoppedAt);
      } else if (target instanceof StockTarget) {
        await target.signal('SIGTERM');
        const stoppedAt = performance.now();
        await target.start(config.serverNodeArgs);
        starts.push(performance.now() - stoppedAt);
      }
      await sleep(SETTLE_MS);
      rss.push(await sampleRss(target.pid));
    }
    return {
      server: kind,
      runs: starts.length,
      startMs: percentile(starts, 50),
      startMinMs: Math.min(...starts),
      startMaxMs: Math.max(...starts),
      idleRssMiB: percentile(rss, 50) / MiB,
    };
  } finally {
    await stopTarget(target);
  }
}

/** Median of five readings 100 ms apart. */
async function sampleRss(pid: number): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < 5; i++) {
    if (i > 0) await sleep(100);
    samples.push(readRssBytes(pid));
  }
  return percentile(samples, 50);
}
