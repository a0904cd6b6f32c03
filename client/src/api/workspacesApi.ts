import type { WorkspaceDto } from '@bullseye/shared';
import { request } from './request.js';

/** The workspaces the signed-in person belongs to. */
export const workspacesApi = {
  list: () => request<{ workspaces: WorkspaceDto[] }>('GET', '/workspaces').then((r) => r.workspaces),
  create: (name: string) => request<WorkspaceDto>('POST', '/workspaces', { name }),
};
