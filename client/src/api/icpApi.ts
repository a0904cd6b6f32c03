import type { IcpDto } from '@bullseye/shared';
import { request } from './request.js';

/** The ICP operations of the HTTP API (see /api/openapi.json). */
export const icpApi = {
  list: (archived = false) =>
    request<{ icps: IcpDto[] }>('GET', `/icps?archived=${archived}`).then((r) => r.icps),
  create: (title: string) => request<IcpDto>('POST', '/icps', { title }),
  get: (id: string) => request<IcpDto>('GET', `/icps/${encodeURIComponent(id)}`),
  rename: (id: string, title: string) =>
    request<IcpDto>('PATCH', `/icps/${encodeURIComponent(id)}`, { title }),
  archive: (id: string) => request<IcpDto>('POST', `/icps/${encodeURIComponent(id)}/archive`),
  unarchive: (id: string) => request<IcpDto>('POST', `/icps/${encodeURIComponent(id)}/unarchive`),
};
