import type { IcpDto } from '@bullseye/shared';
import { request } from './request.js';

const byId = (id: string) => `/icps/${encodeURIComponent(id)}`;

/** The ICP operations of the HTTP API (see /api/openapi.json). */
export const icpApi = {
  list: (workspaceId: string, archived = false) => {
    const query = new URLSearchParams({ workspaceId, archived: String(archived) });
    return request<{ icps: IcpDto[] }>('GET', `/icps?${query.toString()}`).then((r) => r.icps);
  },
  create: (workspaceId: string, title: string) => request<IcpDto>('POST', '/icps', { title, workspaceId }),
  get: (id: string) => request<IcpDto>('GET', byId(id)),
  rename: (id: string, title: string) => request<IcpDto>('PATCH', byId(id), { title }),
  archive: (id: string) => request<IcpDto>('POST', `${byId(id)}/archive`),
  unarchive: (id: string) => request<IcpDto>('POST', `${byId(id)}/unarchive`),
};
