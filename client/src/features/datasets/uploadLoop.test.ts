import { describe, expect, it } from 'vitest';
import type { ImportDto } from '@bullseye/shared';
import { ApiError } from '../../api/apiError.js';
import { importDto } from './testImport.js';
import { addSample, rateOf, retryDelay, runUpload, secondsLeft, type UploadDeps } from './uploadLoop.js';

/** A fake server holding `received` bytes of a `size`-byte file. */
function fakeServer(size: number, options: { failSends?: ApiError[]; received?: number } = {}) {
  let received = options.received ?? 0;
  const failures = [...(options.failSends ?? [])];
  const sends: [number, number][] = [];
  const sleeps: number[] = [];
  const dto = (): ImportDto =>
    importDto({
      fileBytes: size,
      receivedBytes: received,
      state: received >= size ? 'mapping' : 'uploading',
    });
  const deps: UploadDeps = {
    async send(offset, chunk) {
      sends.push([offset, chunk.size]);
      const failure = failures.shift();
      if (failure) throw failure;
      if (offset !== received) throw new ApiError(409, 'offset_mismatch', 'Wrong offset');
      received += chunk.size;
      return dto();
    },
    read: async () => dto(),
    sleep: async (ms) => {
      sleeps.push(ms);
    },
  };
  return { deps, sends, sleeps, setReceived: (n: number) => (received = n) };
}

const hooks = { onProgress: () => {}, onRetry: () => {} };
const blob = (size: number) => new Blob([new Uint8Array(size)]);

describe('runUpload', () => {
  it('sends the file in slices of the chunk size and finishes when the server moves on', async () => {
    const server = fakeServer(25);
    const progress: number[] = [];
    const outcome = await runUpload(
      blob(25),
      0,
      10,
      server.deps,
      { ...hooks, onProgress: (n) => progress.push(n) },
      new AbortController().signal,
    );
    expect(server.sends).toEqual([
      [0, 10],
      [10, 10],
      [20, 5],
    ]);
    expect(progress).toEqual([10, 20, 25]);
    expect(outcome.kind).toBe('finished');
    expect(outcome.kind === 'finished' && outcome.dto.state).toBe('mapping');
  });

  it('on 409 reads what the server holds and continues from there', async () => {
    const server = fakeServer(30, { received: 20 });
    // The page believed 0 bytes were there (e.g. another tab sent some).
    const outcome = await runUpload(blob(30), 0, 10, server.deps, hooks, new AbortController().signal);
    expect(server.sends).toEqual([
      [0, 10],
      [20, 10],
    ]);
    expect(outcome.kind).toBe('finished');
  });

  it('resumes from an offset (after a reload)', async () => {
    const server = fakeServer(30, { received: 10 });
    await runUpload(blob(30), 10, 10, server.deps, hooks, new AbortController().signal);
    expect(server.sends.map(([o]) => o)).toEqual([10, 20]);
  });

  it('retries network failures with a growing delay, from what the server holds', async () => {
    const network = new ApiError(0, 'network_error', 'offline');
    const server = fakeServer(20, { failSends: [network, network] });
    const retries: number[] = [];
    const outcome = await runUpload(
      blob(20),
      0,
      10,
      server.deps,
      { ...hooks, onRetry: (_e, attempt) => retries.push(attempt) },
      new AbortController().signal,
    );
    expect(retries).toEqual([1, 2]);
    expect(server.sleeps).toEqual([1000, 2000]);
    expect(outcome.kind).toBe('finished');
  });

  it('gives up after too many failures in a row', async () => {
    const down = new ApiError(503, 'unavailable', 'Down');
    const server = fakeServer(20, { failSends: Array.from({ length: 10 }, () => down) });
    const outcome = await runUpload(blob(20), 0, 10, server.deps, hooks, new AbortController().signal);
    expect(outcome).toEqual({ kind: 'failed', error: down });
  });

  it('stops at once on a refusal retrying cannot fix', async () => {
    const forbidden = new ApiError(403, 'forbidden', 'No');
    const server = fakeServer(20, { failSends: [forbidden] });
    const outcome = await runUpload(blob(20), 0, 10, server.deps, hooks, new AbortController().signal);
    expect(outcome).toEqual({ kind: 'failed', error: forbidden });
    expect(server.sends).toHaveLength(1);
  });

  it('ends when the import is cancelled elsewhere', async () => {
    const server = fakeServer(30);
    server.deps.send = async () => {
      throw new ApiError(409, 'conflict', 'Not uploading');
    };
    server.deps.read = async () => importDto({ state: 'cancelled', receivedBytes: 10, fileBytes: 30 });
    const outcome = await runUpload(blob(30), 0, 10, server.deps, hooks, new AbortController().signal);
    expect(outcome.kind === 'finished' && outcome.dto.state).toBe('cancelled');
  });

  it('stops when aborted', async () => {
    const server = fakeServer(30);
    const controller = new AbortController();
    controller.abort();
    const outcome = await runUpload(blob(30), 0, 10, server.deps, hooks, controller.signal);
    expect(outcome).toEqual({ kind: 'aborted' });
    expect(server.sends).toHaveLength(0);
  });
});

describe('transfer rate', () => {
  it('measures over a sliding window', () => {
    let samples = addSample([], { at: 0, bytes: 0 });
    expect(rateOf(samples)).toBeNull();
    samples = addSample(samples, { at: 1000, bytes: 1000 });
    expect(rateOf(samples)).toBe(1000);
    samples = addSample(samples, { at: 20_000, bytes: 5000 }, 10_000);
    // The first sample fell out of the window; the newest two remain.
    expect(samples).toHaveLength(2);
    expect(rateOf(samples)).toBeCloseTo(4000 / 19);
  });

  it('estimates the time left', () => {
    expect(secondsLeft(50, 150, 10)).toBe(10);
    expect(secondsLeft(50, 150, null)).toBeNull();
    expect(retryDelay(1)).toBe(1000);
    expect(retryDelay(10)).toBe(15_000);
  });
});
