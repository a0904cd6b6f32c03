import type { IcpDraftDto, IcpDto, IcpListItemDto } from '@bullseye/shared';
import { request } from './request.js';

const byId = (id: string) => `/icps/${encodeURIComponent(id)}`;

/** The ICP operations of the HTTP API (see /api/openapi.json). */
export const icpApi = {
  list: (workspaceId: string, archived = false) => {
    const query = new URLSearchParams({ workspaceId, archived: String(archived) });
    return request<{ icps: IcpListItemDto[] }>('GET', `/icps?${query.toString()}`).then((r) => r.icps);
  },
  create: (workspaceId: string, title: string) => request<IcpDto>('POST', '/icps', { title, workspaceId }),
  get: (id: string) => request<IcpDto>('GET', byId(id)),
  /** The committed draft against the approved version and the version under review. */
  draft: (id: string) => request<IcpDraftDto>('GET', `${byId(id)}/draft`),
  rename: (id: string, title: string) => request<IcpDto>('PATCH', byId(id), { title }),
  archive: (id: string) => request<IcpDto>('POST', `${byId(id)}/archive`),
  unarchive: (id: string) => request<IcpDto>('POST', `${byId(id)}/unarchive`),
};
