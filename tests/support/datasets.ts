import {
  DATASET_LIMITS,
  type DatasetDto,
  type DatasetMapping,
  type ImportDto,
  type ImportState,
} from '@bullseye/shared';
import { credentialHeaders, request, type ApiResponse, type Credentials } from './api.js';
import { expectStatus } from './actors.js';
import type { ServerProcess } from './serverProcess.js';
import { waitFor } from './waitFor.js';

/** Sends one chunk of a file, as the browser does (raw bytes at an offset). */
export async function sendChunk(
  server: ServerProcess,
  importId: string,
  offset: number,
  bytes: Uint8Array,
  as?: Credentials,
): Promise<ApiResponse<ImportDto>> {
  const who = as ?? (server.admin ? { token: server.admin.token } : null);
  const response = await fetch(`${server.url}/api/imports/${importId}/file?offset=${offset}`, {
    method: 'PUT',
    headers: { ...(who ? credentialHeaders(who) : {}), 'content-type': 'application/octet-stream' },
    body: new Blob([new Uint8Array(bytes)]),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: JSON.parse(text) as ImportDto };
}

/** Uploads a whole file in chunks to an import in state `uploading`; returns the import after the last one. */
export async function uploadFile(
  server: ServerProcess,
  importId: string,
  bytes: Uint8Array,
  chunkBytes: number = DATASET_LIMITS.maxChunkBytes,
  as?: Credentials,
): Promise<ImportDto> {
  let last: ImportDto | undefined;
  for (let offset = 0; offset < bytes.length; offset += chunkBytes) {
    const chunk = bytes.subarray(offset, Math.min(bytes.length, offset + chunkBytes));
    last = expectStatus(await sendChunk(server, importId, offset, chunk, as), 200, `chunk at ${offset}`);
  }
  return last!;
}

/** Creates a dataset for `bytes` and uploads them; the import then waits for its mapping (or failed). */
export async function startDataset(
  server: ServerProcess,
  workspaceId: string,
  name: string,
  bytes: Uint8Array,
  options: { chunkBytes?: number; as?: Credentials; fileName?: string } = {},
): Promise<{ dataset: DatasetDto; upload: ImportDto }> {
  const dataset = expectStatus(
    await request<DatasetDto>(server, 'POST', `/api/workspaces/${workspaceId}/datasets`, {
      body: { name, fileName: options.fileName ?? `${name}.csv`, fileBytes: bytes.length },
      as: options.as,
    }),
    201,
    `creating dataset ${name}`,
  );
  const upload = await uploadFile(server, dataset.latestImport!.id, bytes, options.chunkBytes, options.as);
  return { dataset, upload };
}

export async function getImport(server: ServerProcess, importId: string): Promise<ImportDto> {
  return expectStatus(
    await request<ImportDto>(server, 'GET', `/api/imports/${importId}`),
    200,
    'reading the import',
  );
}

/** Waits until the import reaches one of `states` (fails on a state outside `states` that is terminal). */
export async function waitForImport(
  server: ServerProcess,
  importId: string,
  states: readonly ImportState[],
  timeoutMs = 60_000,
): Promise<ImportDto> {
  return waitFor<ImportDto | false>(
    async () => {
      const upload = await getImport(server, importId);
      if (states.includes(upload.state)) return upload;
      if (['done', 'failed', 'cancelled', 'review'].includes(upload.state)) {
        throw new Error(`import ended ${upload.state} (${upload.error ?? ''}), expected ${states.join('/')}`);
      }
      return false;
    },
    { timeoutMs, intervalMs: 50 },
  ) as Promise<ImportDto>;
}

/** Confirms a mapping (the suggested one unless given) and waits for the import to finish. */
export async function confirmMapping(
  server: ServerProcess,
  upload: ImportDto,
  mapping: DatasetMapping = upload.mapping!,
  until: readonly ImportState[] = ['done'],
): Promise<ImportDto> {
  expectStatus(
    await request<ImportDto>(server, 'PUT', `/api/imports/${upload.id}/mapping`, { body: { mapping } }),
    200,
    'confirming the mapping',
  );
  return waitForImport(server, upload.id, until);
}

/** A whole import of `csv` into a new dataset with the suggested mapping; returns the ready dataset. */
export async function importCsv(
  server: ServerProcess,
  workspaceId: string,
  name: string,
  csv: string | Uint8Array,
  adjust: (mapping: DatasetMapping) => DatasetMapping = (m) => m,
): Promise<DatasetDto> {
  const bytes = typeof csv === 'string' ? new TextEncoder().encode(csv) : csv;
  const { dataset, upload } = await startDataset(server, workspaceId, name, bytes);
  if (upload.state !== 'mapping') throw new Error(`the upload ended ${upload.state}: ${upload.error ?? ''}`);
  await confirmMapping(server, upload, adjust(upload.mapping!));
  return getDataset(server, dataset.id);
}

export async function getDataset(server: ServerProcess, id: string): Promise<DatasetDto> {
  return expectStatus(
    await request<DatasetDto>(server, 'GET', `/api/datasets/${id}`),
    200,
    'reading the dataset',
  );
}

/** CSV text from rows of cells (quoted as needed). */
export function csvOf(rows: readonly (readonly (string | number)[])[]): string {
  const cell = (value: string | number) => {
    const text = String(value);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return rows.map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}

/** Re-imports `csv` into an existing dataset with the suggested mapping; resolves once it is done. */
export async function reimportCsv(server: ServerProcess, datasetId: string, csv: string): Promise<ImportDto> {
  const bytes = new TextEncoder().encode(csv);
  const created = expectStatus(
    await request<ImportDto>(server, 'POST', `/api/datasets/${datasetId}/imports`, {
      body: { fileName: 'reimport.csv', fileBytes: bytes.length },
    }),
    201,
    're-importing',
  );
  const uploaded = expectStatus(await sendChunk(server, created.id, 0, bytes), 200, 'sending the file');
  return confirmMapping(server, uploaded);
}
