import { percentiles } from './percentile.js';
import { CpuWindow, type CpuShares } from './processStats.js';
import { sleep, withTimeout } from './timeouts.js';

/** Longest one request may take before it counts as an error (its latency is still recorded). */
export const REQUEST_TIMEOUT_MS = 10_000;

/** One request of a fixed-rate run: resolves true when the answer was the expected one. */
export type Send = (index: number, signal: AbortSignal) => Promise<boolean>;

export interface RateWindow {
  rps: number;
  /** Requests in the measured window (the warm-up's are sent, not counted). */
  requests: number;
  errors: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** How late the bench sent requests after their scheduled time (timer and event-loop delay). */
  sendLagP99Ms: number;
  sendLagMaxMs: number;
  /** CPU over the measured window (server, bench, other processes). */
  cpu: CpuShares;
}

/** `GET /healthz` on the server at `baseUrl`: the HTTP floor (no authentication, no database). */
export function healthzRequest(baseUrl: string): Send {
  const url = `${baseUrl}/healthz`;
  return async (_index, signal) => {
    const response = await fetch(url, { signal });
    await response.text();
    return response.status === 200;
  };
}

/**
 * Sends `send(i)` at a fixed rate, open loop: request i is due at start + i / rps whatever happened
 * to earlier ones (a slow answer never delays the next request), and its latency runs from that
 * scheduled time to the end of its answer, so a stall of the server (or of the bench) shows in
 * every request it held up instead of being hidden (no coordinated omission). One timer wakes for
 * the next due request and sends every request that is due. The first `warmupSeconds` are sent
 * but not measured. Bounded: rps × (warm-up + seconds) requests, then at most REQUEST_TIMEOUT_MS
 * more for the last answers.
 */
export async function fixedRate(
  send: Send,
  options: { rps: number; seconds: number; warmupSeconds: number; serverPid: number },
): Promise<RateWindow> {
  const { rps, seconds, warmupSeconds, serverPid } = options;
  const intervalMs = 1_000 / rps;
  const warmup = Math.round(rps * warmupSeconds);
  const total = warmup + Math.max(1, Math.round(rps * seconds));
  const latencies = new Float64Array(total - warmup);
  const lags = new Float64Array(total - warmup);
  let errors = 0;
  const pending = new Set<Promise<void>>();
  let cpu: CpuWindow | undefined;
  const startAt = performance.now() + 20;

  const fire = (index: number, due: number): void => {
    const measured = index >= warmup;
    if (measured) lags[index - warmup] = performance.now() - due;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), REQUEST_TIMEOUT_MS);
    const done = send(index, controller.signal)
      .catch(() => false)
      .then((ok) => {
        clearTimeout(timer);
        if (!measured) return;
        latencies[index - warmup] = performance.now() - due;
        if (!ok) errors++;
      });
    pending.add(done);
    void done.finally(() => pending.delete(done));
  };

  for (let next = 0; next < total;) {
    const now = performance.now();
    for (; next < total && startAt + next * intervalMs <= now; next++) {
      if (next === warmup) cpu = new CpuWindow(serverPid);
      fire(next, startAt + next * intervalMs);
    }
    if (next < total) await sleep(Math.max(0, startAt + next * intervalMs - performance.now()));
  }
  await withTimeout(Promise.all(pending), REQUEST_TIMEOUT_MS + 5_000, 'the last requests');
  const [p50, p99, max] = percentiles(latencies, [50, 99, 100]);
  const [lagP99, lagMax] = percentiles(lags, [99, 100]);
  return {
    rps,
    requests: total - warmup,
    errors,
    p50Ms: p50!,
    p99Ms: p99!,
    maxMs: max!,
    sendLagP99Ms: lagP99!,
    sendLagMaxMs: lagMax!,
    cpu: cpu!.end(),
  };
}
