import type { Role } from './roles.js';

/**
 * What a member may do in a workspace, decided by role alone. This table is the one source of the
 * rules: the server's policies enforce it on HTTP and WebSocket paths, and responses carry the
 * result so the UI asks instead of re-deriving it.
 */
export interface WorkspaceAbilities {
  /** Open ICPs and receive live changes. */
  read: boolean;
  /** Leave comments (comments arrive with a later feature). */
  comment: boolean;
  /** Change ICP content over the collaboration socket. */
  edit: boolean;
  /** Create, rename, archive and restore ICPs. */
  manageIcps: boolean;
  /** Invite, change and remove members; manage invite links. */
  manageMembers: boolean;
}

const TABLE: Record<Role, WorkspaceAbilities> = {
  admin: { read: true, comment: true, edit: true, manageIcps: true, manageMembers: true },
  editor: { read: true, comment: true, edit: true, manageIcps: true, manageMembers: false },
  commenter: { read: true, comment: true, edit: false, manageIcps: false, manageMembers: false },
  viewer: { read: true, comment: false, edit: false, manageIcps: false, manageMembers: false },
};

/** The abilities of a member with `role`. */
export function abilitiesFor(role: Role): WorkspaceAbilities {
  return TABLE[role];
}

/** What an ICP's own state takes away: an archived ICP is read-only for everyone. */
export function icpAbilities(role: Role, archived: boolean): WorkspaceAbilities {
  const base = abilitiesFor(role);
  return archived ? { ...base, edit: false, comment: false } : base;
}
