import { randomUUID } from 'node:crypto';
import {
  csvLine,
  type AccountOverlapDto,
  type DatasetScoringDto,
  type DatasetScoringListDto,
  type ModelSelector,
  type ScoreBody,
  type ScoreDatasetBody,
  type ScoreImpactDto,
  type ScoreResponse,
  type ScoringModel,
  type ScoringModelResponse,
  type Scorer,
  createScorer,
} from '@bullseye/shared';
import type { z } from 'zod';
import type { scoreImpactQuerySchema } from '@bullseye/shared';
import type { Clock } from '../clock.js';
import type { AccountStore } from '../db/accountStore.js';
import type { DatasetRow, DatasetStore } from '../db/datasetStore.js';
import type { IcpRow } from '../db/icpStore.js';
import type { ScoringRow, ScoringStore } from '../db/scoringStore.js';
import type { Membership } from '../db/workspaceStore.js';
import { conflict, notFound, serverBusy } from '../errors.js';
import { requireReady } from '../datasets/requireReady.js';
import { SCORED_COLUMNS, scoringAccountOf, type ScoredRow } from '../scoring/accountInput.js';
import { bucketOf } from '../scoring/gradeBuckets.js';
import { scoreDataset } from '../scoring/scoreDataset.js';
import { accountOverlap, type AccountOverlap } from '../scoring/accountOverlap.js';
import { LruMap } from '../lruMap.js';
import { scoreImpact } from '../scoring/scoreImpact.js';
import { scoreReasons } from '../scoring/scoreReasons.js';
import {
  presentScore,
  presentScoredCriteria,
  presentScoring,
  type StoredScoringSummary,
} from '../presenters/score.js';
import type { ScoringModels } from '../scoring/scoringModels.js';

type ScoreImpactQuery = z.output<typeof scoreImpactQuerySchema>;

/**
 * Fit scoring: the model of a version (the approved one unless named), scores for other systems,
 * whole datasets scored and stored per version with their backtest, the CSV of a stored scoring,
 * and how many accounts change grade between two versions. Routes have authorized the ICP and the
 * dataset (same workspace) already.
 */
export class ScoringCommands {
  /** Whole-dataset scans (scorings, score impacts) running in this process now. */
  private scans = 0;
  /** Account overlaps of two models on one import (compare pages opened again scan nothing). */
  private readonly overlaps = new LruMap<string, AccountOverlap>(64);

  constructor(
    private readonly models: ScoringModels,
    private readonly scorings: ScoringStore,
    private readonly datasets: DatasetStore,
    private readonly accounts: AccountStore,
    private readonly clock: Clock,
  ) {}

  async model(icp: IcpRow, selector: ModelSelector): Promise<ScoringModelResponse> {
    const { source, scorer } = await this.models.resolve(icp, selector);
    return { source, model: scorer.model };
  }

  async score(icp: IcpRow, selector: ModelSelector, body: ScoreBody): Promise<ScoreResponse> {
    const { source, scorer } = await this.models.resolve(icp, selector);
    const answer: ScoreResponse = {
      source,
      thresholds: scorer.model.thresholds,
      criteria: presentScoredCriteria(scorer.model),
      manualChecks: scorer.model.manualChecks.map((m) => m.text),
    };
    if (body.account) answer.result = presentScore(scorer.score(body.account), body.account.id);
    else answer.results = body.accounts!.map((account) => presentScore(scorer.score(account), account.id));
    return answer;
  }

  /** Scores every account of the dataset with the named version's model and stores the result. */
  async scoreDataset(
    icp: IcpRow,
    dataset: DatasetRow,
    membership: Membership,
    body: ScoreDatasetBody,
  ): Promise<DatasetScoringDto> {
    requireReady(dataset);
    const started = performance.now();
    const { source, scorer } = await this.models.resolve(icp, body.version);
    const summary = await this.scanning(() => scoreDataset(scorer, this.rowsOf(dataset)));
    const stored: StoredScoringSummary = {
      ...summary,
      source,
      thresholds: scorer.model.thresholds,
      elapsedMs: Math.round(performance.now() - started),
    };
    const row: ScoringRow = {
      id: randomUUID(),
      icp_id: icp.id,
      dataset_id: dataset.id,
      dataset_revision: dataset.revision,
      source: source.source,
      version_id: source.version?.id ?? null,
      model_hash: source.modelHash,
      model: JSON.stringify(scorer.model),
      summary: JSON.stringify(stored),
      created_by: membership.userId,
      created_at: this.clock.now().toISOString(),
    };
    // Deleted while it was being scored: nothing is kept. Re-imported meanwhile: kept, and stale.
    const now = await this.datasets.find(dataset.id);
    if (!now || !(await this.scorings.replace(row))) throw notFound('Dataset');
    const names = await this.datasets.userNames([membership.userId]);
    return presentScoring(row, stored, now, names);
  }

  /** The ICP's stored scorings (of one dataset or all ready ones), newest first. */
  async list(icp: IcpRow, datasetId: string | undefined): Promise<DatasetScoringListDto> {
    const rows = await this.scorings.listForIcp(icp.id, datasetId);
    const datasets = new Map<string, DatasetRow>();
    for (const id of new Set(rows.map((r) => r.dataset_id))) {
      const dataset = await this.datasets.find(id);
      if (dataset?.workspace_id === icp.workspace_id && dataset.state === 'ready') datasets.set(id, dataset);
    }
    const names = await this.datasets.userNames(rows.flatMap((r) => (r.created_by ? [r.created_by] : [])));
    return {
      scorings: rows.flatMap((row) => {
        const dataset = datasets.get(row.dataset_id);
        return dataset
          ? [presentScoring(row, JSON.parse(row.summary) as StoredScoringSummary, dataset, names)]
          : [];
      }),
    };
  }

  /**
   * Every account of a stored scoring with its score, grade, confidence and reasons, reproduced
   * from the stored model. A scoring of data that was re-imported since is refused (409): its
   * numbers would no longer be the ones the file claims.
   */
  async *exportCsv(row: ScoringRow, dataset: DatasetRow): AsyncGenerator<string> {
    requireReady(dataset);
    if (dataset.revision !== row.dataset_revision) {
      throw conflict('stale_scoring', 'The dataset was re-imported since this scoring: score it again first');
    }
    const scorer = createScorer(JSON.parse(row.model) as ScoringModel);
    const { thresholds } = scorer.model;
    yield `${csvLine(['Record ID', 'Company name', 'Domain', 'Score', 'Grade', 'Confidence', 'Disqualified by', 'Reasons', 'Model hash'])}\r\n`;
    for await (const rows of this.rowsOf(dataset)) {
      let chunk = '';
      for (const account of rows) {
        const result = scorer.score(scoringAccountOf(account));
        const grade = bucketOf(result.score ?? -1, thresholds);
        chunk += `${csvLine([
          account.external_id,
          account.name,
          account.domain,
          result.score,
          grade === 'none' ? '' : grade,
          result.confidence,
          result.disqualifiedBy?.text,
          scoreReasons(result).join('; '),
          row.model_hash,
        ])}\r\n`;
      }
      yield chunk;
    }
  }

  /** Every account of the dataset with the columns scoring reads, in batches. */
  private rowsOf(dataset: DatasetRow): AsyncGenerator<ScoredRow[]> {
    return this.accounts.scan(dataset.id, SCORED_COLUMNS, 10_000);
  }

  /** Runs a whole-dataset scan, or answers 503 `server_busy` while MAX_SCANS are running. */
  private async scanning<T>(work: () => Promise<T>): Promise<T> {
    if (this.scans >= MAX_SCANS) {
      throw serverBusy('Other datasets are being scored right now; try again in a few seconds', 5);
    }
    this.scans++;
    try {
      return await work();
    } finally {
      this.scans--;
    }
  }

  /**
   * Two models (two ICPs' drafts, with what negative ICPs disqualify) scored on every account of
   * the dataset: how many are a fit for each and for both, with the accounts best for both.
   */
  async overlap(a: Scorer, b: Scorer, dataset: DatasetRow): Promise<AccountOverlapDto> {
    requireReady(dataset);
    // The same two models on the same import give the same answer: scan once.
    const key = JSON.stringify([a.model.hash, b.model.hash, dataset.id, dataset.revision]);
    let result = this.overlaps.get(key);
    if (!result) {
      result = await this.scanning(() => accountOverlap(a, b, this.rowsOf(dataset)));
      this.overlaps.set(key, result);
    }
    return { datasetId: dataset.id, datasetName: dataset.name, ...result };
  }

  /** How many accounts of the dataset change grade from one model to the other, with examples. */
  async impact(icp: IcpRow, dataset: DatasetRow, query: ScoreImpactQuery): Promise<ScoreImpactDto> {
    requireReady(dataset);
    const [from, to] = await Promise.all([
      this.models.resolve(icp, query.from),
      this.models.resolve(icp, query.to),
    ]);
    const result = await this.scanning(() => scoreImpact(from.scorer, to.scorer, this.rowsOf(dataset)));
    return { datasetId: dataset.id, datasetName: dataset.name, from: from.source, to: to.source, ...result };
  }
}

/** Whole-dataset scans one process runs at once (each takes seconds over a million accounts). */
const MAX_SCANS = 2;
