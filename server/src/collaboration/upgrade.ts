import type { IncomingMessage } from 'node:http';
import { COLLAB_PATH, CollabParam, icpIdSchema } from '@bullseye/shared';
import type { Actor, Authenticator } from '../auth/authenticator.js';
import type { IcpStore } from '../db/icpStore.js';
import type { Membership, WorkspaceStore } from '../db/workspaceStore.js';
import { isAllowedOrigin, type OriginPolicy } from '../middlewares/originCheck.js';
import { can } from '../policies/policies.js';

/** What the upgrade checks learn about a connection before it is accepted. */
export interface UpgradeContext {
  req: IncomingMessage;
  url: URL;
  icpId: string;
  /** Set by `checkAuthenticated`. */
  actor: Actor | null;
  /** Set by `checkIcpAccess`: the actor's membership in the ICP's workspace. */
  membership: Membership | null;
  /** This connection may read but not write (decided per connection, by role). */
  readOnly: boolean;
  /** The ICP is archived: read-only for everyone until it is restored. */
  archived: boolean;
  wantsAcks: boolean;
  /** The schema version the client announced, if any. */
  schemaVersion: number | null;
}

/** Refuses the HTTP upgrade with a status; nothing of the document is sent. */
export class UpgradeRefusal extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 503,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** One step of the upgrade chain; throws UpgradeRefusal to refuse. Later issues add auth here. */
export type UpgradeCheck = (ctx: UpgradeContext) => void | Promise<void>;

/** Parses `/collab/<icpId>?acks=1&schema=N` into a context, or refuses. */
export function parseTarget(req: IncomingMessage): UpgradeContext {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (!url.pathname.startsWith(COLLAB_PATH)) throw new UpgradeRefusal(404, 'not_found', 'No such endpoint');
  let id: string;
  try {
    id = decodeURIComponent(url.pathname.slice(COLLAB_PATH.length));
  } catch {
    // Malformed percent-encoding is a malformed id, like any other.
    throw new UpgradeRefusal(404, 'icp_not_found', 'No such ICP');
  }
  if (!icpIdSchema.safeParse(id).success) throw new UpgradeRefusal(404, 'icp_not_found', 'No such ICP');
  const schema = url.searchParams.get(CollabParam.schema);
  return {
    req,
    url,
    icpId: id,
    actor: null,
    membership: null,
    readOnly: false,
    archived: false,
    wantsAcks: url.searchParams.get(CollabParam.acks) === '1',
    schemaVersion: schema === null ? null : Number(schema),
  };
}

/**
 * Browsers always send Origin; a page on another site must not open sockets with our users'
 * cookies. Non-browser clients (scripts with an API token, stock providers in Node) send none.
 */
export function checkOrigin(policy: OriginPolicy): UpgradeCheck {
  return ({ req }) => {
    const origin = req.headers.origin;
    if (origin === undefined || isAllowedOrigin(policy, origin, req.headers.host)) return;
    throw new UpgradeRefusal(403, 'origin_not_allowed', `Origin ${origin} is not allowed`);
  };
}

/** The session cookie or `Authorization: Bearer <API token>` must identify someone. */
export function checkAuthenticated(authenticator: Authenticator): UpgradeCheck {
  return async (ctx) => {
    ctx.actor = await authenticator.fromHeaders(ctx.req.headers);
    if (!ctx.actor) throw new UpgradeRefusal(401, 'unauthenticated', 'Sign in or send an API token');
    if (ctx.actor.scope !== 'full') {
      throw new UpgradeRefusal(403, 'token_scope', 'This API token may only use the scoring API');
    }
  };
}

/**
 * The ICP must exist and belong to a workspace the actor is a member of (otherwise 404, exactly
 * like an unknown id). The member's role decides whether the connection may write; archived
 * ICPs are read-only for everyone.
 */
export function checkIcpAccess(icps: IcpStore, workspaces: WorkspaceStore): UpgradeCheck {
  return async (ctx) => {
    const icp = await icps.find(ctx.icpId);
    const membership =
      icp?.workspace_id && ctx.actor
        ? await workspaces.membership(icp.workspace_id, ctx.actor.user.id)
        : undefined;
    if (!icp || !membership) throw new UpgradeRefusal(404, 'icp_not_found', 'No such ICP');
    ctx.membership = membership;
    ctx.archived = icp.archived_at !== null;
    // The role decides; the archived state is the room's own read-only flag, kept live.
    ctx.readOnly = !can(membership, 'edit');
  };
}
