import type {
  AccountPageDto,
  CreateDatasetBody,
  CreateImportBody,
  DatasetDto,
  DatasetListDto,
  DatasetMapping,
  ErrorEnvelope,
  ImportDto,
  IMPORT_DECISIONS,
} from '@bullseye/shared';
import { ApiError } from './apiError.js';
import { request } from './request.js';

const enc = encodeURIComponent;
const workspaceBase = (workspaceId: string) => `/workspaces/${enc(workspaceId)}/datasets`;

export type ImportDecision = (typeof IMPORT_DECISIONS)[number];

export interface AccountsQuery {
  /** Page size (the server allows 1 to 500). */
  limit?: number;
  /** The previous page's `next`. */
  after?: number | null;
  /** Filter by name or domain. */
  q?: string;
}

/**
 * Account datasets (CRM exports) of a workspace and their imports: a dataset is created with an
 * import in state `uploading`, the file is sent in chunks, the mapping confirmed, and the import
 * runs on the server; the client polls the import for its state.
 */
export const datasetsApi = {
  list: (workspaceId: string) =>
    request<DatasetListDto>('GET', workspaceBase(workspaceId)).then((r) => r.datasets),
  create: (workspaceId: string, body: CreateDatasetBody) =>
    request<DatasetDto>('POST', workspaceBase(workspaceId), body),
  createSample: (workspaceId: string) => request<DatasetDto>('POST', `${workspaceBase(workspaceId)}/sample`),
  get: (id: string) => request<DatasetDto>('GET', `/datasets/${enc(id)}`),
  remove: (id: string) => request<void>('DELETE', `/datasets/${enc(id)}`),

  /** A re-import of an existing dataset from a new file. */
  createImport: (datasetId: string, body: CreateImportBody) =>
    request<ImportDto>('POST', `/datasets/${enc(datasetId)}/imports`, body),
  getImport: (id: string) => request<ImportDto>('GET', `/imports/${enc(id)}`),
  uploadChunk,
  updateMapping: (id: string, mapping: DatasetMapping) =>
    request<ImportDto>('PUT', `/imports/${enc(id)}/mapping`, { mapping }),
  decide: (id: string, decision: ImportDecision) =>
    request<ImportDto>('POST', `/imports/${enc(id)}/decision`, { decision }),
  cancel: (id: string) => request<ImportDto>('POST', `/imports/${enc(id)}/cancel`),

  listAccounts: (datasetId: string, { limit, after, q }: AccountsQuery = {}) => {
    const query = new URLSearchParams();
    if (limit !== undefined) query.set('limit', String(limit));
    if (after !== undefined && after !== null) query.set('after', String(after));
    if (q) query.set('q', q);
    const search = query.toString();
    const path = `/datasets/${enc(datasetId)}/accounts`;
    return request<AccountPageDto>('GET', search ? `${path}?${search}` : path);
  },
  /** Where the browser downloads every account of a dataset as CSV (a plain link, the server streams it). */
  accountsCsvUrl: (datasetId: string) => `/api/datasets/${enc(datasetId)}/accounts?format=csv`,
};

/**
 * Appends `chunk` (a slice of the file, never the whole file read into memory) at `offset`. The
 * server answers the import; 409 means `offset` was not what it holds: read the import and resume
 * at its `receivedBytes`.
 */
async function uploadChunk(
  id: string,
  offset: number,
  chunk: Blob,
  signal?: AbortSignal,
): Promise<ImportDto> {
  let response: Response;
  try {
    response = await fetch(`/api/imports/${enc(id)}/file?offset=${offset}`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/octet-stream' },
      body: chunk,
      credentials: 'same-origin',
      signal: signal ?? null,
    });
  } catch (e) {
    if (signal?.aborted) throw e;
    throw new ApiError(0, 'network_error', 'Cannot reach the Bullseye server. Check your connection.');
  }
  const text = await response.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  if (!response.ok) {
    const envelope = json as Partial<ErrorEnvelope> | undefined;
    throw new ApiError(
      response.status,
      envelope?.error?.code ?? 'http_error',
      envelope?.error?.message ?? `The server answered ${response.status}.`,
      envelope?.error?.field,
    );
  }
  return json as ImportDto;
}
