import type {
  CreateVersionBody,
  IcpDiffDto,
  VersionDetailDto,
  VersionDto,
  VersionListDto,
} from '@bullseye/shared';
import { request } from './request.js';

const icpBase = (icpId: string) => `/icps/${encodeURIComponent(icpId)}`;
const byId = (versionId: string) => `/versions/${encodeURIComponent(versionId)}`;

/** The other side of a comparison: a version id, or the live draft. */
export type DiffTarget = string | 'draft';

export type ExportFormat = 'markdown' | 'json';

/** What a restore recorded: the draft as it was just before (if it differed), and the draft after. */
export interface RestoreResult {
  before: VersionDto | null;
  after: VersionDto;
}

/** Versions of an ICP: history, named versions, compare, restore and export. */
export const versionsApi = {
  /** Newest first. */
  list: (icpId: string) =>
    request<VersionListDto>('GET', `${icpBase(icpId)}/versions`).then((r) => r.versions),
  create: (icpId: string, body: CreateVersionBody) =>
    request<VersionDto>('POST', `${icpBase(icpId)}/versions`, body),
  get: (versionId: string) => request<VersionDetailDto>('GET', byId(versionId)),
  diff: (icpId: string, from: string, to: DiffTarget) => {
    const query = new URLSearchParams({ from, to });
    return request<IcpDiffDto>('GET', `${icpBase(icpId)}/diff?${query.toString()}`);
  },
  restore: (versionId: string) => request<RestoreResult>('POST', `${byId(versionId)}/restore`),
};

/** The download address of a version's export (a plain link with `download` fetches it). */
export function exportHref(versionId: string, format: ExportFormat): string {
  return `/api${byId(versionId)}/export?format=${format}`;
}
