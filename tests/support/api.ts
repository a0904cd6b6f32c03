import type { ErrorEnvelope, IcpDto } from '@bullseye/shared';
import type { ServerProcess } from './serverProcess.js';

export interface ApiResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

export interface RequestOptions {
  /** Sent as JSON unless it is already a string (then sent verbatim, e.g. broken JSON). */
  body?: unknown;
  headers?: Record<string, string>;
  /**
   * Credentials: an API token, a cookie header (`{ cookie }`), or null for none. By default the
   * provisioned owner's token, so tests that are not about access read as plain API calls.
   */
  as?: Credentials | null;
}

/** How a request authenticates. */
export type Credentials = { token: string } | { cookie: string; origin?: string };

export function credentialHeaders(credentials: Credentials): Record<string, string> {
  if ('token' in credentials) return { authorization: `Bearer ${credentials.token}` };
  return { cookie: credentials.cookie, ...(credentials.origin ? { origin: credentials.origin } : {}) };
}

/** One HTTP request to the server; the body is parsed as JSON when the response says it is JSON. */
export async function request<T = unknown>(
  server: ServerProcess,
  method: string,
  path: string,
  options: RequestOptions = {},
): Promise<ApiResponse<T>> {
  const as = options.as === undefined ? (server.admin ? { token: server.admin.token } : null) : options.as;
  const headers: Record<string, string> = { ...(as ? credentialHeaders(as) : {}), ...options.headers };
  let body: string | undefined;
  if (options.body !== undefined) {
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    headers['content-type'] ??= 'application/json';
  }
  const response = await fetch(server.url + path, { method, headers, body });
  const text = await response.text();
  const isJson = response.headers.get('content-type')?.includes('application/json') ?? false;
  return {
    status: response.status,
    headers: response.headers,
    body: (isJson ? JSON.parse(text) : text) as T,
  };
}

/** Creates an ICP through the API and returns it; fails loudly if the server refuses. */
export async function createIcp(
  server: ServerProcess,
  title: string,
  workspaceId = server.admin?.workspaceId,
  as?: Credentials,
): Promise<IcpDto> {
  const response = await request<IcpDto>(server, 'POST', '/api/icps', { body: { title, workspaceId }, as });
  if (response.status !== 201) {
    throw new Error(
      `creating ICP "${title}" failed with ${response.status}: ${JSON.stringify(response.body)}`,
    );
  }
  return response.body;
}

export async function archiveIcp(server: ServerProcess, id: string): Promise<IcpDto> {
  return expectOk(await request<IcpDto>(server, 'POST', `/api/icps/${id}/archive`));
}

export async function unarchiveIcp(server: ServerProcess, id: string): Promise<IcpDto> {
  return expectOk(await request<IcpDto>(server, 'POST', `/api/icps/${id}/unarchive`));
}

export async function renameIcp(server: ServerProcess, id: string, title: string): Promise<IcpDto> {
  return expectOk(await request<IcpDto>(server, 'PATCH', `/api/icps/${id}`, { body: { title } }));
}

/** True once `/healthz` answers 200 with `{ status: 'ok' }`. */
export async function isHealthy(server: ServerProcess): Promise<boolean> {
  const response = await request<{ status?: string }>(server, 'GET', '/healthz');
  return response.status === 200 && response.body.status === 'ok';
}

function expectOk<T>(response: ApiResponse<T>): T {
  if (response.status !== 200) {
    throw new Error(`expected 200, got ${response.status}: ${JSON.stringify(response.body)}`);
  }
  return response.body;
}

export type { ErrorEnvelope };

/**
 * The error envelope of a refused request, after checking its status, its code, that it explains
 * itself (a non-empty message) and, if given, the field it names.
 */
export function errorOf(
  response: ApiResponse,
  status: number,
  code: string,
  field?: string,
): ErrorEnvelope['error'] {
  const { error } = (response.body ?? {}) as Partial<ErrorEnvelope>;
  if (
    response.status !== status ||
    error?.code !== code ||
    typeof error.message !== 'string' ||
    error.message.length === 0 ||
    (field !== undefined && error.field !== field)
  ) {
    const expected = `${status} ${code}${field === undefined ? '' : ` (field ${field})`}`;
    throw new Error(`expected ${expected}, got ${response.status} ${JSON.stringify(response.body)}`);
  }
  return error;
}
