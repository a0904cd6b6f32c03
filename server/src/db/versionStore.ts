import type { Kysely, Selectable } from 'kysely';
import type { VersionDto } from '@bullseye/shared';
import type { Clock } from '../clock.js';
import type { DocSnapshot } from './docSnapshot.js';
import type { Database, IcpVersionsTable } from './schema.js';
import { timeOrderedId } from './timeOrderedId.js';

export type VersionKind = VersionDto['kind'];

/** A version without its content (state and canonical JSON), with its author's current name. */
export type VersionRecord = Omit<Selectable<IcpVersionsTable>, 'state' | 'canonical'> & {
  author_name: string | null;
};

/** A version's content. */
export interface VersionContent {
  state: Uint8Array;
  canonical: string;
}

export interface NewVersion {
  icpId: string;
  kind: VersionKind;
  name: string | null;
  note: string | null;
  authorId: string | null;
  title: string;
  snapshot: DocSnapshot;
  restoredFrom: number | null;
}

const SUMMARY_COLUMNS = [
  'icp_versions.id',
  'icp_versions.icp_id',
  'icp_versions.number',
  'icp_versions.name',
  'icp_versions.note',
  'icp_versions.kind',
  'icp_versions.author_id',
  'icp_versions.created_at',
  'icp_versions.title',
  'icp_versions.hash',
  'icp_versions.restored_from',
] as const;

/**
 * Versions: immutable snapshots of an ICP, numbered per ICP. There is no update path: a version
 * once written is what every sign-off, approval and export of it refers to. Methods that run
 * inside a command's transaction take `db`.
 */
export class VersionStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
  ) {}

  /**
   * Inserts the ICP's next version (number = latest + 1). Call it in a transaction that has locked
   * the ICP's row, so two versions never race for a number.
   */
  async create(input: NewVersion, db: Kysely<Database> = this.db): Promise<VersionRecord> {
    const latest = await db
      .selectFrom('icp_versions')
      .select((eb) => eb.fn.max<number | null>('number').as('n'))
      .where('icp_id', '=', input.icpId)
      .executeTakeFirst();
    const now = this.clock.now();
    const row: Selectable<IcpVersionsTable> = {
      id: timeOrderedId(now.getTime()),
      icp_id: input.icpId,
      number: Number(latest?.n ?? 0) + 1,
      name: input.name,
      note: input.note,
      kind: input.kind,
      author_id: input.authorId,
      created_at: now.toISOString(),
      title: input.title,
      state: input.snapshot.state,
      canonical: input.snapshot.canonical,
      hash: input.snapshot.hash,
      restored_from: input.restoredFrom,
    };
    await db.insertInto('icp_versions').values(row).execute();
    const author = input.authorId
      ? await db.selectFrom('users').select('name').where('id', '=', input.authorId).executeTakeFirst()
      : undefined;
    const { state: _state, canonical: _canonical, ...summary } = row;
    return { ...summary, author_name: author?.name ?? null };
  }

  async find(id: string, db: Kysely<Database> = this.db): Promise<VersionRecord | undefined> {
    return this.summaries(db).where('icp_versions.id', '=', id).executeTakeFirst();
  }

  /** The ICP's versions, newest first. */
  async list(icpId: string): Promise<VersionRecord[]> {
    return this.summaries(this.db)
      .where('icp_versions.icp_id', '=', icpId)
      .orderBy('icp_versions.number', 'desc')
      .execute();
  }

  /** One of the ICP's versions by its number (v12); undefined when it has no such version. */
  async findByNumber(icpId: string, number: number): Promise<VersionRecord | undefined> {
    return this.summaries(this.db)
      .where('icp_versions.icp_id', '=', icpId)
      .where('icp_versions.number', '=', number)
      .executeTakeFirst();
  }

  /** The ICP's newest version. */
  async latest(icpId: string, db: Kysely<Database> = this.db): Promise<VersionRecord | undefined> {
    return this.summaries(db)
      .where('icp_versions.icp_id', '=', icpId)
      .orderBy('icp_versions.number', 'desc')
      .limit(1)
      .executeTakeFirst();
  }

  /** A version's Yjs state and canonical JSON. */
  async content(id: string, db: Kysely<Database> = this.db): Promise<VersionContent | undefined> {
    const row = await db
      .selectFrom('icp_versions')
      .select(['state', 'canonical'])
      .where('id', '=', id)
      .executeTakeFirst();
    return row && { state: toBytes(row.state), canonical: row.canonical };
  }

  private summaries(db: Kysely<Database>) {
    return db
      .selectFrom('icp_versions')
      .leftJoin('users', 'users.id', 'icp_versions.author_id')
      .select([...SUMMARY_COLUMNS, 'users.name as author_name']);
  }
}

function toBytes(data: Uint8Array): Uint8Array {
  // pg and better-sqlite3 both return a Buffer; Yjs wants a plain view.
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
