import type {
  DuplicateIcpBody,
  IcpComparisonDto,
  IcpDraftDto,
  IcpDto,
  IcpKind,
  IcpListItemDto,
  InheritedDisqualifiersDto,
} from '@bullseye/shared';
import { request } from './request.js';

const byId = (id: string) => `/icps/${encodeURIComponent(id)}`;

/** The ICP operations of the HTTP API (see /api/openapi.json). */
export const icpApi = {
  list: (workspaceId: string, archived = false) => {
    const query = new URLSearchParams({ workspaceId, archived: String(archived) });
    return request<{ icps: IcpListItemDto[] }>('GET', `/icps?${query.toString()}`).then((r) => r.icps);
  },
  /** A new ICP; `negative` makes it a negative ICP (who we never sell to). */
  create: (workspaceId: string, title: string, kind: IcpKind = 'icp') =>
    request<IcpDto>('POST', '/icps', { title, workspaceId, ...(kind === 'icp' ? {} : { kind }) }),
  get: (id: string) => request<IcpDto>('GET', byId(id)),
  /** The committed draft against the approved version and the version under review. */
  draft: (id: string) => request<IcpDraftDto>('GET', `${byId(id)}/draft`),
  rename: (id: string, title: string) => request<IcpDto>('PATCH', byId(id), { title }),
  /** Makes it a negative ICP or an ordinary one again (a negative ICP loses the primary mark). */
  setKind: (id: string, kind: IcpKind) => request<IcpDto>('PATCH', byId(id), { kind }),
  archive: (id: string) => request<IcpDto>('POST', `${byId(id)}/archive`),
  unarchive: (id: string) => request<IcpDto>('POST', `${byId(id)}/unarchive`),
  /** A new ICP starting from this one's content (never its history, comments, versions or sign-offs). */
  duplicate: (id: string, body: DuplicateIcpBody) => request<IcpDto>('POST', `${byId(id)}/duplicate`, body),
  /** Marks the workspace's primary ICP (the previous one loses the mark). */
  markPrimary: (id: string) => request<IcpDto>('PUT', `${byId(id)}/primary`),
  unmarkPrimary: (id: string) => request<IcpDto>('DELETE', `${byId(id)}/primary`),
  /** Two ICPs of one workspace side by side, as their drafts stand (with a dataset: accounts fitting both). */
  compare: (id: string, otherId: string, datasetId?: string | null) => {
    const query = datasetId ? `?${new URLSearchParams({ datasetId }).toString()}` : '';
    return request<IcpComparisonDto>('GET', `${byId(id)}/compare/${encodeURIComponent(otherId)}${query}`);
  },
  /** What the workspace's negative ICPs disqualify in this one (approved) and which are still pending. */
  inheritedDisqualifiers: (id: string) =>
    request<InheritedDisqualifiersDto>('GET', `${byId(id)}/inherited-disqualifiers`),
};
