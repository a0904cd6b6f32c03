import type { IncomingMessage } from 'node:http';
import { COLLAB_PATH, CollabParam, icpIdSchema } from '@bullseye/shared';
import type { IcpStore } from '../db/icpStore.js';

/** What the upgrade checks learn about a connection before it is accepted. */
export interface UpgradeContext {
  req: IncomingMessage;
  url: URL;
  icpId: string;
  /** This connection may read but not write (decided per connection, e.g. by role). */
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
  const id = decodeURIComponent(url.pathname.slice(COLLAB_PATH.length));
  if (!icpIdSchema.safeParse(id).success) throw new UpgradeRefusal(404, 'icp_not_found', 'No such ICP');
  const schema = url.searchParams.get(CollabParam.schema);
  return {
    req,
    url,
    icpId: id,
    readOnly: false,
    archived: false,
    wantsAcks: url.searchParams.get(CollabParam.acks) === '1',
    schemaVersion: schema === null ? null : Number(schema),
  };
}

/**
 * Browsers always send Origin; a page on another site must not open sockets with our users'
 * credentials. Non-browser clients (scripts, stock providers in Node) send none and pass here.
 * Without PUBLIC_URL the page's own origin (same host as the request) is accepted, so a server on
 * any port or host name works out of the box; with PUBLIC_URL only that origin is.
 */
export function checkOrigin(allowed: readonly string[], allowSameOrigin: boolean): UpgradeCheck {
  return ({ req }) => {
    const origin = req.headers.origin;
    if (origin === undefined || allowed.includes(origin)) return;
    if (allowSameOrigin && hostOf(origin) === req.headers.host) return;
    throw new UpgradeRefusal(403, 'origin_not_allowed', `Origin ${origin} is not allowed`);
  };
}

function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

/** The ICP must exist; archived ICPs can be read but not edited. */
export function checkIcpExists(icps: IcpStore): UpgradeCheck {
  return async (ctx) => {
    const icp = await icps.find(ctx.icpId);
    if (!icp) throw new UpgradeRefusal(404, 'icp_not_found', 'No such ICP');
    ctx.archived = icp.archived_at !== null;
  };
}
