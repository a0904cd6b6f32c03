import {
  negativeDisqualifiers,
  type CanonicalIcp,
  type InheritedDisqualifiersDto,
  type NegativeDisqualifier,
} from '@bullseye/shared';
import type { IcpRow, IcpStore } from '../db/icpStore.js';
import type { ReviewStore } from '../db/reviewStore.js';
import type { VersionStore } from '../db/versionStore.js';
import { LruMap } from '../lruMap.js';

/** What an ICP inherits, and a key naming exactly which negative versions it came from. */
export interface Inherited extends InheritedDisqualifiersDto {
  inherited: NegativeDisqualifier[];
  /** The negative versions (and titles) it was built from: equal keys, equal disqualifiers. */
  key: string;
}

const NOTHING: Inherited = { inherited: [], pending: [], key: '' };

/** Compiled negative versions kept in memory (versions never change). */
const MAX_CACHED_VERSIONS = 128;

/**
 * The disqualifiers the workspace's negative ICPs give every other ICP: each negative ICP's
 * latest approved version (so scores stay bound to approved content, and a negative draft being
 * edited changes nobody's score), listed with the negative ICPs that have none yet. A negative ICP
 * inherits nothing; archived negative ICPs give nothing.
 */
export class NegativeIcps {
  private readonly versions = new LruMap<string, { number: number; canonical: CanonicalIcp }>(
    MAX_CACHED_VERSIONS,
  );

  constructor(
    private readonly icps: IcpStore,
    private readonly reviews: ReviewStore,
    private readonly versionStore: VersionStore,
  ) {}

  async of(icp: IcpRow): Promise<Inherited> {
    if (icp.kind === 'negative' || !icp.workspace_id) return NOTHING;
    const negatives = await this.icps.negatives(icp.workspace_id);
    if (negatives.length === 0) return NOTHING;
    const result: Inherited = { inherited: [], pending: [], key: '' };
    const approvals = await Promise.all(negatives.map((n) => this.reviews.latestApproval(n.id)));
    const versions = await Promise.all(
      approvals.map((approval) => (approval ? this.version(approval.version_id) : undefined)),
    );
    const keys: [string, string][] = [];
    negatives.forEach((negative, i) => {
      const approval = approvals[i];
      const version = versions[i];
      if (!approval || !version) {
        result.pending.push({ icpId: negative.id, title: negative.title });
        return;
      }
      keys.push([approval.version_id, negative.title]);
      result.inherited.push(
        ...negativeDisqualifiers(version.canonical, {
          icpId: negative.id,
          title: negative.title,
          versionId: approval.version_id,
          versionNumber: version.number,
        }),
      );
    });
    result.key = JSON.stringify(keys);
    return result;
  }

  private async version(versionId: string): Promise<{ number: number; canonical: CanonicalIcp } | undefined> {
    const cached = this.versions.get(versionId);
    if (cached) return cached;
    const [record, content] = await Promise.all([
      this.versionStore.find(versionId),
      this.versionStore.content(versionId),
    ]);
    if (!record || !content) return undefined;
    const version = { number: record.number, canonical: JSON.parse(content.canonical) as CanonicalIcp };
    this.versions.set(versionId, version);
    return version;
  }
}
