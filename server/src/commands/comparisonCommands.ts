import { compareIcps, toCanonical, type IcpComparisonDto } from '@bullseye/shared';
import type { LiveDrafts } from '../collaboration/collabEvents.js';
import type { DatasetRow, DatasetStore } from '../db/datasetStore.js';
import { docOfState } from '../db/docSnapshot.js';
import type { IcpRow } from '../db/icpStore.js';
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
  ) {}

  async compare(a: IcpRow, b: IcpRow, named: DatasetRow | null): Promise<IcpComparisonDto> {
    const [canonicalA, canonicalB] = await Promise.all([this.canonical(a), this.canonical(b)]);
    const content = compareIcps(
      { canonical: canonicalA, kind: a.kind },
      { canonical: canonicalB, kind: b.kind },
    );
    const dataset =
      named ?? (await this.datasets.list(a.workspace_id!)).find((d) => d.state === 'ready') ?? null;
    return {
      a: this.side(a),
      b: this.side(b),
      ...content,
      accounts: dataset ? await this.scoring.overlap(a, b, dataset) : null,
    };
  }

  private side(row: IcpRow): IcpComparisonDto['a'] {
    return { id: row.id, title: row.title, kind: row.kind, primary: row.primary_at !== null };
  }

  private async canonical(row: IcpRow) {
    const doc = docOfState(await this.drafts.draftState(row.id));
    try {
      return toCanonical(doc);
    } finally {
      doc.destroy();
    }
  }
}
