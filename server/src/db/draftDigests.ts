import { sql, type Kysely } from 'kysely';
import { canonicalJson, icpCompleteness } from '@bullseye/shared';
import type { Database } from './schema.js';
import { sha256Hex } from './docSnapshot.js';
import { buildDoc } from './updateLog.js';

/** What the list and the ICP answers need to know of a draft's content. */
export interface DraftDigest {
  /** SHA-256 of the draft's canonical JSON, comparable with every version's `hash`. */
  hash: string;
  /** Percent of sections complete (shared/src/logic/completeness.ts). */
  completeness: number;
}

/** Digests kept per process; one entry per ICP, the oldest dropped first beyond this. */
const MAX_CACHED = 5000;
/** Drafts read at once on a cold cache (PostgreSQL pool; SQLite serialises them anyway). */
const CONCURRENT_LOADS = 4;

interface Cached extends DraftDigest {
  position: string;
}

/**
 * The hash and completeness of ICP drafts, read from the update log, the source of truth every
 * instance shares, and kept per **log position**: the snapshot's last merged row id and time, and
 * the count and last id of the rows after it. Rows are only ever added (each adds one to the count)
 * or merged into a new snapshot (which changes its id or time), so one position is one content: a
 * cached digest is either exact or looked up again, never stale. A request costs two grouped
 * queries on indexed columns; only drafts that changed since they were last read are rebuilt
 * (snapshot + tail, canonical JSON, SHA-256), e.g. once per ICP after a restart and once per list
 * request for an ICP being edited.
 */
export class DraftDigests {
  private readonly cache = new Map<string, Cached>();
  private readonly loading = new Map<string, Promise<Cached>>();

  constructor(private readonly db: Kysely<Database>) {}

  /**
   * The digest of each ICP's draft as committed now. An ICP whose draft could not be read is left
   * out (callers say "unknown"); failures are logged, never thrown.
   */
  async digests(icpIds: readonly string[]): Promise<Map<string, DraftDigest>> {
    const out = new Map<string, DraftDigest>();
    if (icpIds.length === 0) return out;
    let positions: Map<string, string>;
    try {
      positions = await this.positions(icpIds);
    } catch (error) {
      console.error('could not read the update log positions of drafts', error);
      return out;
    }
    const misses: string[] = [];
    for (const icpId of icpIds) {
      const cached = this.cache.get(icpId);
      if (cached && cached.position === positions.get(icpId)) out.set(icpId, cached);
      else misses.push(icpId);
    }
    let next = 0;
    const worker = async () => {
      while (next < misses.length) {
        const icpId = misses[next++]!;
        try {
          out.set(icpId, await this.load(icpId, positions.get(icpId)!));
        } catch (error) {
          console.error(`icp ${icpId}: could not read the draft for its digest`, error);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENT_LOADS, misses.length) }, worker));
    return out;
  }

  /** The log position of each ICP's draft (see the class comment); ICPs without content: "empty". */
  private async positions(icpIds: readonly string[]): Promise<Map<string, string>> {
    const ids = [...new Set(icpIds)];
    const [tails, snapshots] = await Promise.all([
      this.db
        .selectFrom('icp_updates')
        .select((eb) => ['icp_id', eb.fn.countAll<number>().as('n'), eb.fn.max('id').as('last')])
        .where('icp_id', 'in', ids)
        .groupBy('icp_id')
        .execute(),
      this.db
        .selectFrom('icp_snapshots')
        .select(['icp_id', 'last_update_id', 'updated_at'])
        .where('icp_id', 'in', ids)
        .execute(),
    ]);
    const tailOf = new Map(tails.map((t) => [t.icp_id, `${Number(t.n)}:${Number(t.last)}`]));
    const snapshotOf = new Map(
      snapshots.map((s) => [s.icp_id, `${Number(s.last_update_id)}@${s.updated_at}`]),
    );
    return new Map(ids.map((id) => [id, position(snapshotOf.get(id), tailOf.get(id))]));
  }

  /**
   * Reads a draft at `position` or later; requests that saw the same position share one read (a
   * read started for an older position could answer with content older than the caller saw).
   */
  private load(icpId: string, position: string): Promise<Cached> {
    const key = `${icpId} ${position}`;
    let loading = this.loading.get(key);
    if (!loading) {
      loading = this.read(icpId).finally(() => this.loading.delete(key));
      this.loading.set(key, loading);
    }
    return loading;
  }

  /** Reads the snapshot and tail with their position in ONE statement (one consistent view). */
  private async read(icpId: string): Promise<Cached> {
    const rows = await this.db
      .selectFrom('icp_snapshots')
      .select([sql<number>`0`.as('part'), 'last_update_id as id', sql<string>`updated_at`.as('at'), 'data'])
      .where('icp_id', '=', icpId)
      .unionAll((eb) =>
        eb
          .selectFrom('icp_updates')
          .select([sql<number>`1`.as('part'), 'id', sql<string>`created_at`.as('at'), 'data'])
          .where('icp_id', '=', icpId),
      )
      .orderBy('part')
      .orderBy('id')
      .execute();
    let snapshot: Uint8Array | null = null;
    let snapshotPosition: string | undefined;
    const updates: Uint8Array[] = [];
    let last = 0;
    for (const row of rows) {
      if (Number(row.part) === 0) {
        snapshot = toBytes(row.data);
        snapshotPosition = `${Number(row.id)}@${row.at}`;
      } else {
        updates.push(toBytes(row.data));
        last = Math.max(last, Number(row.id));
      }
    }
    const tail = updates.length > 0 ? `${updates.length}:${last}` : undefined;
    const doc = buildDoc({ snapshot, updates }, (error) =>
      console.error(`icp ${icpId}: skipped an unreadable stored update`, error),
    );
    try {
      const digest: Cached = {
        position: position(snapshotPosition, tail),
        hash: sha256Hex(canonicalJson(doc)),
        completeness: icpCompleteness(doc).percent,
      };
      this.remember(icpId, digest);
      return digest;
    } finally {
      doc.destroy();
    }
  }

  private remember(icpId: string, digest: Cached): void {
    this.cache.delete(icpId);
    this.cache.set(icpId, digest);
    if (this.cache.size > MAX_CACHED) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
  }
}

function position(snapshot: string | undefined, tail: string | undefined): string {
  return `${snapshot ?? '-'}|${tail ?? '-'}`;
}

function toBytes(data: Uint8Array | Buffer): Uint8Array {
  return data instanceof Uint8Array ? data : new Uint8Array(data);
}
