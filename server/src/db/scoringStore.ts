import type { Kysely, Selectable } from 'kysely';
import type { IcpStore } from './icpStore.js';
import type { Database, DatasetScoringsTable } from './schema.js';

export type ScoringRow = Selectable<DatasetScoringsTable>;

/**
 * Stored dataset scorings: one per ICP, dataset and version (or the draft); scoring again replaces
 * the previous result for the same version, so storage stays bounded by versions × datasets.
 */
export class ScoringStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly icps: IcpStore,
  ) {}

  /**
   * Stores a scoring in place of the previous one of the same ICP, dataset and version, unless the
   * dataset is no longer ready (deleted meanwhile: then nothing is kept and this answers false).
   * The ICP's row is locked first, so two scorings of the same version never both stay.
   */
  async replace(row: ScoringRow): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      await this.icps.lock(row.icp_id, trx);
      const dataset = await trx
        .selectFrom('datasets')
        .select('id')
        .where('id', '=', row.dataset_id)
        .where('state', '=', 'ready')
        .executeTakeFirst();
      if (!dataset) return false;
      let previous = trx
        .deleteFrom('dataset_scorings')
        .where('icp_id', '=', row.icp_id)
        .where('dataset_id', '=', row.dataset_id);
      previous =
        row.version_id === null
          ? previous.where('version_id', 'is', null)
          : previous.where('version_id', '=', row.version_id);
      await previous.execute();
      await trx.insertInto('dataset_scorings').values(row).execute();
      return true;
    });
  }

  async find(id: string): Promise<ScoringRow | undefined> {
    return this.db.selectFrom('dataset_scorings').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** The ICP's stored scorings (of one dataset, or all), newest first, without their models. */
  async listForIcp(icpId: string, datasetId?: string): Promise<Omit<ScoringRow, 'model'>[]> {
    let query = this.db
      .selectFrom('dataset_scorings')
      .select([
        'id',
        'icp_id',
        'dataset_id',
        'dataset_revision',
        'source',
        'version_id',
        'model_hash',
        'summary',
        'created_by',
        'created_at',
      ])
      .where('icp_id', '=', icpId);
    if (datasetId) query = query.where('dataset_id', '=', datasetId);
    return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(100).execute();
  }
}
