import type { WorkspaceAbilities } from '../logic/abilities.js';

/** An ICP as the HTTP API presents it, with what the requesting member may do with it. */
export interface IcpDto {
  id: string;
  workspaceId: string;
  title: string;
  createdAt: string;
  updatedAt: string;
  archivedAt: string | null;
  abilities: WorkspaceAbilities;
}

/** The one error envelope of the HTTP API. */
export interface ErrorEnvelope {
  error: { code: string; message: string; field?: string };
}
