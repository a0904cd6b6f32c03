import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { Database, IcpsTable } from './schema.js';
import type { Clock } from '../clock.js';

export type IcpRow = Selectable<IcpsTable>;

/** ICP records (title, timestamps, archive state). The document content lives in the update log. */
export class IcpStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
  ) {}

  async create(workspaceId: string, title: string): Promise<IcpRow> {
    const now = this.clock.now().toISOString();
    const row: IcpRow = {
      id: randomUUID(),
      workspace_id: workspaceId,
      title,
      created_at: now,
      updated_at: now,
      archived_at: null,
    };
    await this.db.insertInto('icps').values(row).execute();
    return row;
  }

  async find(id: string): Promise<IcpRow | undefined> {
    return this.db.selectFrom('icps').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async list(options: { workspaceId: string; archived: boolean }): Promise<IcpRow[]> {
    return this.db
      .selectFrom('icps')
      .selectAll()
      .where('workspace_id', '=', options.workspaceId)
      .where('archived_at', options.archived ? 'is not' : 'is', null)
      .orderBy('updated_at', 'desc')
      .orderBy('id')
      .execute();
  }

  async rename(id: string, title: string): Promise<IcpRow | undefined> {
    return this.update(id, { title });
  }

  async setArchived(id: string, archived: boolean): Promise<IcpRow | undefined> {
    return this.update(id, { archived_at: archived ? this.clock.now().toISOString() : null });
  }

  /** Records that the document changed, so lists sort by last activity. */
  async touch(ids: Iterable<string>): Promise<void> {
    const list = [...ids];
    if (list.length === 0) return;
    await this.db
      .updateTable('icps')
      .set({ updated_at: this.clock.now().toISOString() })
      .where('id', 'in', list)
      .execute();
  }

  private async update(
    id: string,
    patch: Partial<Pick<IcpRow, 'title' | 'archived_at'>>,
  ): Promise<IcpRow | undefined> {
    const result = await this.db
      .updateTable('icps')
      .set({ ...patch, updated_at: this.clock.now().toISOString() })
      .where('id', '=', id)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) return undefined;
    return this.find(id);
  }
}
