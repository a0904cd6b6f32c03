import type { ImportDto } from '@bullseye/shared';
import { asApiError, type ApiError } from '../../api/apiError.js';

/** What the upload loop needs from the outside world (the API and a clock), so it can be tested. */
export interface UploadDeps {
  /** Appends `chunk` at `offset`; answers the import. */
  send(offset: number, chunk: Blob, signal: AbortSignal): Promise<ImportDto>;
  /** Reads the import (for its `receivedBytes` and state). */
  read(): Promise<ImportDto>;
  /** Waits, or rejects when `signal` aborts. */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
}

export interface UploadHooks {
  /** The server holds `sentBytes` bytes now. */
  onProgress(sentBytes: number, dto: ImportDto): void;
  /** A request failed and will be retried after `delayMs`. */
  onRetry(error: ApiError, attempt: number, delayMs: number): void;
}

export type UploadOutcome =
  /** The server holds the whole file, or the import left `uploading` (e.g. someone cancelled it). */
  | { kind: 'finished'; dto: ImportDto }
  /** Stopped by the caller. */
  | { kind: 'aborted' }
  /** Gave up: a refusal that retrying cannot fix, or too many failures in a row. */
  | { kind: 'failed'; error: ApiError };

/** Failures worth retrying: the network, a busy or restarting server. */
export function isRetryable(error: ApiError): boolean {
  return error.status === 0 || error.status === 408 || error.status === 429 || error.status >= 500;
}

/** 1 s, 2 s, 4 s, 8 s, then 15 s between attempts. */
export function retryDelay(attempt: number): number {
  return Math.min(15_000, 1000 * 2 ** (attempt - 1));
}

export const MAX_ATTEMPTS = 6;
const MAX_CONFLICTS = 5;

/**
 * Sends `file` from `offset` in chunks of `chunkBytes` (slices of the Blob: the file is never read
 * into memory whole). A 409 means the server holds a different number of bytes than assumed: the
 * loop reads the import and continues from its `receivedBytes`. Network and server failures are
 * retried with a growing delay, each time from what the server really holds.
 */
export async function runUpload(
  file: Blob,
  offset: number,
  chunkBytes: number,
  deps: UploadDeps,
  hooks: UploadHooks,
  signal: AbortSignal,
): Promise<UploadOutcome> {
  let attempts = 0;
  let conflicts = 0;
  let position = offset;

  /** Reads where the server is; a finished outcome if the import is no longer taking bytes. */
  const resync = async (): Promise<UploadOutcome | null> => {
    const dto = await deps.read();
    position = dto.receivedBytes;
    hooks.onProgress(position, dto);
    if (dto.state !== 'uploading') return { kind: 'finished', dto };
    return null;
  };

  while (true) {
    if (signal.aborted) return { kind: 'aborted' };
    try {
      if (position >= file.size) {
        // Everything is there (e.g. resumed after the last chunk arrived): the server takes it from here.
        const dto = await deps.read();
        return { kind: 'finished', dto };
      }
      const end = Math.min(position + chunkBytes, file.size);
      const dto = await deps.send(position, file.slice(position, end), signal);
      attempts = 0;
      conflicts = 0;
      position = dto.receivedBytes;
      hooks.onProgress(position, dto);
      if (dto.state !== 'uploading' || position >= file.size) return { kind: 'finished', dto };
    } catch (e) {
      if (signal.aborted) return { kind: 'aborted' };
      const error = asApiError(e);
      if (error.status === 409) {
        conflicts += 1;
        if (conflicts > MAX_CONFLICTS) return { kind: 'failed', error };
        try {
          const outcome = await resync();
          if (outcome) return outcome;
          continue;
        } catch (readError) {
          if (signal.aborted) return { kind: 'aborted' };
          const readFailure = asApiError(readError);
          if (!isRetryable(readFailure)) return { kind: 'failed', error: readFailure };
          // Falls through to the retry below.
        }
      } else if (!isRetryable(error)) {
        return { kind: 'failed', error };
      }
      attempts += 1;
      if (attempts >= MAX_ATTEMPTS) return { kind: 'failed', error };
      const delay = retryDelay(attempts);
      hooks.onRetry(error, attempts, delay);
      try {
        await deps.sleep(delay, signal);
      } catch {
        return { kind: 'aborted' };
      }
      try {
        const outcome = await resync();
        if (outcome) return outcome;
      } catch {
        // Still unreachable: the next send tries again (and a wrong offset answers 409).
      }
    }
  }
}

/** One measurement of the bytes sent so far. */
export interface RateSample {
  at: number;
  bytes: number;
}

/** Keeps the samples of the last `windowMs` (and always the newest two). */
export function addSample(
  samples: readonly RateSample[],
  sample: RateSample,
  windowMs = 10_000,
): RateSample[] {
  const next = [...samples, sample];
  while (next.length > 2 && sample.at - next[0]!.at > windowMs) next.shift();
  return next;
}

/** Bytes per second over the samples, or null while there is too little to tell. */
export function rateOf(samples: readonly RateSample[]): number | null {
  if (samples.length < 2) return null;
  const first = samples[0]!;
  const last = samples[samples.length - 1]!;
  const seconds = (last.at - first.at) / 1000;
  if (seconds < 0.25 || last.bytes <= first.bytes) return null;
  return (last.bytes - first.bytes) / seconds;
}

/** Seconds until `total` at `rate`, or null without a rate. */
export function secondsLeft(done: number, total: number, rate: number | null): number | null {
  if (!rate || rate <= 0) return null;
  return Math.max(0, (total - done) / rate);
}
