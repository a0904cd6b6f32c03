import fs from 'node:fs';
import path from 'node:path';
import { DATASET_LIMITS, type DatasetDto, type ImportDto } from '@bullseye/shared';
import { expectStatus } from '../support/actors.js';
import { request } from '../support/api.js';
import { getImport, sendChunk } from '../support/datasets.js';
import type { ServerProcess } from '../support/serverProcess.js';
import { sleep, withTimeout } from './timeouts.js';

/** Longest one 8 MiB chunk may take to be accepted. */
const CHUNK_TIMEOUT_MS = 60_000;

export interface Uploaded {
  dataset: DatasetDto;
  /** The import after the last chunk: state `mapping`, with the suggested mapping. */
  upload: ImportDto;
  /** From creating the dataset to the answer to the last chunk (which includes the file's inspection). */
  uploadMs: number;
  fileBytes: number;
}

/**
 * Creates a dataset for `file` and uploads it as the browser does: `DATASET_LIMITS.maxChunkBytes`
 * (8 MiB) per request, each chunk read from the file just before it is sent (one buffer, reused), so
 * the file is never held in memory.
 */
export async function uploadCsvFile(
  server: ServerProcess,
  workspaceId: string,
  name: string,
  file: string,
): Promise<Uploaded> {
  const fileBytes = fs.statSync(file).size;
  const startedAt = performance.now();
  const dataset = expectStatus(
    await request<DatasetDto>(server, 'POST', `/api/workspaces/${workspaceId}/datasets`, {
      body: { name, fileName: path.basename(file), fileBytes },
    }),
    201,
    `creating dataset ${name}`,
  );
  const importId = dataset.latestImport!.id;
  const buffer = Buffer.allocUnsafe(DATASET_LIMITS.maxChunkBytes);
  const handle = await fs.promises.open(file, 'r');
  let upload: ImportDto | undefined;
  try {
    for (let offset = 0; offset < fileBytes;) {
      const { bytesRead } = await handle.read(buffer, 0, Math.min(buffer.length, fileBytes - offset), offset);
      if (bytesRead === 0) throw new Error(`${file} ended at ${offset} of ${fileBytes} bytes`);
      upload = expectStatus(
        await withTimeout(
          sendChunk(server, importId, offset, buffer.subarray(0, bytesRead)),
          CHUNK_TIMEOUT_MS,
          `uploading the chunk at ${offset}`,
        ),
        200,
        `chunk at ${offset}`,
      );
      offset += bytesRead;
    }
  } finally {
    await handle.close();
  }
  const uploadMs = performance.now() - startedAt;
  if (upload?.state !== 'mapping')
    throw new Error(`after the upload the import is ${upload?.state}: ${upload?.error ?? ''}`);
  return { dataset, upload, uploadMs, fileBytes };
}

/** How often a running import is polled: its end is known to within this. */
const POLL_MS = 100;

/**
 * Confirms the suggested mapping (which starts the import job) and waits, at most `timeoutMs`, for
 * the import to be `done`, polling it every POLL_MS; any other end (failed, review, cancelled) fails
 * at once. `importMs` runs from sending the mapping to the poll that sees `done`.
 */
export async function runImport(
  server: ServerProcess,
  upload: ImportDto,
  timeoutMs: number,
): Promise<{ done: ImportDto; importMs: number }> {
  const startedAt = performance.now();
  expectStatus(
    await request<ImportDto>(server, 'PUT', `/api/imports/${upload.id}/mapping`, {
      body: { mapping: upload.mapping },
    }),
    200,
    'confirming the mapping',
  );
  for (;;) {
    const current = await withTimeout(getImport(server, upload.id), 30_000, 'reading the import');
    const importMs = performance.now() - startedAt;
    if (current.state === 'done') return { done: current, importMs };
    if (current.state !== 'importing')
      throw new Error(
        `the import ended ${current.state} instead of done: ${current.error ?? JSON.stringify(current.report)}`,
      );
    if (importMs > timeoutMs)
      throw new Error(
        `the import was not done after ${Math.round(importMs / 1_000)} s (${current.progress.rowsRead} rows read)`,
      );
    await sleep(POLL_MS);
  }
}
