import { compareIcps, type CanonicalIcp, type IcpComparisonDto } from '@bullseye/shared';
import type { LiveDrafts } from '../collaboration/collabEvents.js';
import type { DatasetRow, DatasetStore } from '../db/datasetStore.js';
import { canonicalOfState } from '../db/docSnapshot.js';
import type { IcpRow } from '../db/icpStore.js';
import type { ScoringModels } from '../scoring/scoringModels.js';
import type { ScoringCommands } from './scoringCommands.js';

/**
 * Two ICPs of one workspace side by side, as their drafts stand now: the criteria they share,
 * how their bands relate, what one rules out that the other targets, and, with a ready dataset
 * (the one named, else the workspace's newest ready one), the accounts a fit for both.
 * Routes have authorized both ICPs and the dataset (same workspace) already.
 */
export class ComparisonCommands {
  constructor(
    private readonly drafts: LiveDrafts,
    private readonly datasets: DatasetStore,
    private readonly scoring: ScoringCommands,
    private readonly models: ScoringModels,
  ) {}

  async compare(a: IcpRow, b: IcpRow, named: DatasetRow | null): Promise<IcpComparisonDto> {
    const [canonicalA, canonicalB] = (
      await Promise.all([this.drafts.draftState(a.id), this.drafts.draftState(b.id)])
    ).map(canonicalOfState) as [CanonicalIcp, CanonicalIcp];
    const content = compareIcps(
      { canonical: canonicalA, kind: a.kind },
      { canonical: canonicalB, kind: b.kind },
    );
    const dataset =
      named ?? (await this.datasets.list(a.workspace_id!)).find((d) => d.state === 'ready') ?? null;
    let accounts: IcpComparisonDto['accounts'] = null;
    if (dataset) {
      const [modelA, modelB] = await Promise.all([
        this.models.ofDraft(a, canonicalA),
        this.models.ofDraft(b, canonicalB),
      ]);
      accounts = await this.scoring.overlap(modelA.scorer, modelB.scorer, dataset);
    }
    return { a: this.side(a), b: this.side(b), ...content, accounts };
  }

  private side(row: IcpRow): IcpComparisonDto['a'] {
    return { id: row.id, title: row.title, kind: row.kind, primary: row.primary_at !== null };
  }
}
