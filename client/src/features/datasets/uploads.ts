import { useCallback, useSyncExternalStore } from 'react';
import { DATASET_LIMITS, type ImportDto } from '@bullseye/shared';
import { datasetsApi } from '../../api/datasetsApi.js';
import { addSample, rateOf, runUpload, secondsLeft, type RateSample } from './uploadLoop.js';

export type UploadPhase = 'sending' | 'retrying' | 'failed' | 'finished' | 'aborted';

/** What the page shows about a file this browser is sending. A new object on every change. */
export interface UploadState {
  importId: string;
  fileName: string;
  fileBytes: number;
  /** Bytes the server confirmed. */
  sentBytes: number;
  phase: UploadPhase;
  /** Why it is retrying or failed. */
  message: string | null;
  bytesPerSecond: number | null;
  secondsLeft: number | null;
  /** The newest import the server answered while sending. */
  lastDto: ImportDto | null;
}

interface Entry {
  state: UploadState;
  file: File;
  controller: AbortController;
  samples: RateSample[];
}

/**
 * Files being sent, by import id. They live outside React so that an upload keeps going while the
 * person looks at another page of the app; a reload loses the File (the page then offers to resume
 * with the same file).
 */
const entries = new Map<string, Entry>();
const listeners = new Set<() => void>();

function emit() {
  listeners.forEach((l) => l());
  syncUnloadGuard();
}

function update(entry: Entry, patch: Partial<UploadState>) {
  entry.state = { ...entry.state, ...patch };
  emit();
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(new DOMException('Aborted', 'AbortError'));
      },
      { once: true },
    );
  });

function run(entry: Entry, offset: number) {
  const { importId } = entry.state;
  const signal = entry.controller.signal;
  entry.samples = [{ at: performance.now(), bytes: offset }];
  update(entry, {
    phase: 'sending',
    message: null,
    sentBytes: offset,
    bytesPerSecond: null,
    secondsLeft: null,
  });
  void runUpload(
    entry.file,
    offset,
    DATASET_LIMITS.maxChunkBytes,
    {
      send: (at, chunk, s) => datasetsApi.uploadChunk(importId, at, chunk, s),
      read: () => datasetsApi.getImport(importId),
      sleep,
    },
    {
      onProgress(sentBytes, dto) {
        if (signal.aborted) return;
        entry.samples = addSample(entry.samples, { at: performance.now(), bytes: sentBytes });
        const rate = rateOf(entry.samples);
        update(entry, {
          phase: 'sending',
          message: null,
          sentBytes,
          lastDto: dto,
          bytesPerSecond: rate,
          secondsLeft: secondsLeft(sentBytes, entry.state.fileBytes, rate),
        });
      },
      onRetry(error, attempt, delayMs) {
        if (signal.aborted) return;
        const what = error.isNetworkError ? 'The connection dropped' : error.message.replace(/\.$/, '');
        update(entry, {
          phase: 'retrying',
          message: `${what}. Trying again in ${Math.round(delayMs / 1000)} s (attempt ${attempt + 1}).`,
          bytesPerSecond: null,
          secondsLeft: null,
        });
      },
    },
    signal,
  ).then((outcome) => {
    if (entries.get(importId) !== entry) return;
    if (outcome.kind === 'finished') {
      update(entry, {
        phase: 'finished',
        sentBytes: outcome.dto.receivedBytes,
        lastDto: outcome.dto,
        message: null,
      });
    } else if (outcome.kind === 'failed') {
      update(entry, {
        phase: 'failed',
        message: outcome.error.message,
        bytesPerSecond: null,
        secondsLeft: null,
      });
    } else {
      update(entry, { phase: 'aborted', bytesPerSecond: null, secondsLeft: null });
    }
  });
}

export const uploads = {
  /** Starts sending `file` for an import, from `offset` (what the server already holds). */
  start(importId: string, file: File, offset = 0) {
    entries.get(importId)?.controller.abort();
    const entry: Entry = {
      file,
      controller: new AbortController(),
      samples: [],
      state: {
        importId,
        fileName: file.name,
        fileBytes: file.size,
        sentBytes: offset,
        phase: 'sending',
        message: null,
        bytesPerSecond: null,
        secondsLeft: null,
        lastDto: null,
      },
    };
    entries.set(importId, entry);
    run(entry, offset);
  },

  /** After a failure: tries again from what the server holds (the loop re-reads it on conflict). */
  retry(importId: string) {
    const entry = entries.get(importId);
    if (!entry) return;
    entry.controller = new AbortController();
    run(entry, entry.state.sentBytes);
  },

  /** Stops sending (the import itself is cancelled separately). */
  stop(importId: string) {
    const entry = entries.get(importId);
    if (!entry) return;
    entry.controller.abort();
    entries.delete(importId);
    emit();
  },

  get(importId: string): UploadState | null {
    return entries.get(importId)?.state ?? null;
  },

  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

/** The upload this browser is running for an import, or null (none, or lost with a reload). */
export function useUpload(importId: string | null): UploadState | null {
  const snapshot = useCallback(() => (importId ? uploads.get(importId) : null), [importId]);
  return useSyncExternalStore(uploads.subscribe, snapshot, () => null);
}

function sending(): boolean {
  for (const entry of entries.values()) {
    if (entry.state.phase === 'sending' || entry.state.phase === 'retrying') return true;
  }
  return false;
}

function onBeforeUnload(event: BeforeUnloadEvent) {
  // Leaving pauses the upload; the page offers to resume it with the same file.
  event.preventDefault();
}

let guarded = false;
function syncUnloadGuard() {
  if (typeof window === 'undefined') return;
  const want = sending();
  if (want === guarded) return;
  guarded = want;
  if (want) window.addEventListener('beforeunload', onBeforeUnload);
  else window.removeEventListener('beforeunload', onBeforeUnload);
}
