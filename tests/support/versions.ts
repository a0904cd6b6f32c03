import { createHash } from 'node:crypto';
import type {
  IcpDto,
  IcpReviewDto,
  SignOffBody,
  VersionDetailDto,
  VersionDto,
  VersionListDto,
} from '@bullseye/shared';
import { request, type ApiResponse, type Credentials } from './api.js';
import type { CollabClient } from './collabClient.js';
import type { ServerProcess } from './serverProcess.js';
import { waitFor } from './waitFor.js';

/** Versions and the review workflow over HTTP, for tests that are not about the request itself. */

function expectOk<T>(response: ApiResponse<T>, status: number, what: string): T {
  if (response.status !== status) {
    throw new Error(`${what}: expected ${status}, got ${response.status} ${JSON.stringify(response.body)}`);
  }
  return response.body;
}

/** SHA-256 (hex) of text, as the server hashes canonical JSON. */
export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Names the live draft (201 expected). */
export async function createVersion(
  server: ServerProcess,
  icpId: string,
  name: string,
  options: { note?: string; as?: Credentials } = {},
): Promise<VersionDto> {
  const response = await request<VersionDto>(server, 'POST', `/api/icps/${icpId}/versions`, {
    body: { name, ...(options.note === undefined ? {} : { note: options.note }) },
    as: options.as,
  });
  return expectOk(response, 201, `naming version "${name}"`);
}

/** The ICP's versions, newest first (200 expected). */
export async function listVersions(
  server: ServerProcess,
  icpId: string,
  as?: Credentials,
): Promise<VersionDto[]> {
  const response = await request<VersionListDto>(server, 'GET', `/api/icps/${icpId}/versions`, { as });
  return expectOk(response, 200, 'listing versions').versions;
}

export async function getVersion(
  server: ServerProcess,
  id: string,
  as?: Credentials,
): Promise<VersionDetailDto> {
  return expectOk(
    await request<VersionDetailDto>(server, 'GET', `/api/versions/${id}`, { as }),
    200,
    'get version',
  );
}

export async function getIcp(server: ServerProcess, id: string, as?: Credentials): Promise<IcpDto> {
  return expectOk(await request<IcpDto>(server, 'GET', `/api/icps/${id}`, { as }), 200, 'get ICP');
}

export function requestSignOff(server: ServerProcess, versionId: string, as?: Credentials) {
  return request<IcpReviewDto>(server, 'POST', `/api/versions/${versionId}/review`, { as });
}

export function signOff(server: ServerProcess, versionId: string, body: SignOffBody, as?: Credentials) {
  return request<IcpReviewDto>(server, 'POST', `/api/versions/${versionId}/sign-offs`, { body, as });
}

export function approveVersion(server: ServerProcess, versionId: string, as?: Credentials, note?: string) {
  return request<IcpReviewDto>(server, 'POST', `/api/versions/${versionId}/approve`, {
    body: note === undefined ? {} : { note },
    as,
  });
}

/**
 * Waits until the server holds everything `author` wrote: `observer` (another client of the same
 * ICP) only receives updates the server has committed and applied.
 */
export async function settled(author: CollabClient, observer: CollabClient): Promise<string> {
  return waitFor(() => {
    const expected = author.canonical();
    if (observer.canonical() !== expected) throw new Error('the observer has not caught up yet');
    return expected;
  });
}

export { expectOk };
