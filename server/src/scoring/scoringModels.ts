import {
  compileScoringModel,
  createScorer,
  type CanonicalIcp,
  type ModelSelector,
  type ModelSourceDto,
  type Scorer,
} from '@bullseye/shared';
import type { LiveDrafts } from '../collaboration/collabEvents.js';
import { snapshotOfState } from '../db/docSnapshot.js';
import type { IcpRow } from '../db/icpStore.js';
import type { ReviewStore } from '../db/reviewStore.js';
import type { VersionRecord, VersionStore } from '../db/versionStore.js';
import { conflict, notFound } from '../errors.js';

/** A model ready to score with, and which version of which ICP it came from. */
export interface ResolvedModel {
  source: ModelSourceDto;
  scorer: Scorer;
}

/** Compiled models of versions kept in memory (versions never change, so they never go stale). */
const MAX_CACHED_VERSIONS = 256;

/**
 * Finds the scoring model a request names: the ICP's latest approved version (the default, what
 * other systems score with), a version by number or id, or the live draft. Models of versions are
 * compiled once from the stored canonical JSON and cached by version id; the draft's is compiled
 * from its committed state at the time of the request, so the draft never changes what the
 * approved model answers.
 */
export class ScoringModels {
  private readonly versions = new Map<string, Scorer>();

  constructor(
    private readonly versionStore: VersionStore,
    private readonly reviews: ReviewStore,
    private readonly drafts: LiveDrafts,
  ) {}

  async resolve(icp: IcpRow, selector: ModelSelector): Promise<ResolvedModel> {
    if (selector === 'draft') {
      const snapshot = snapshotOfState(await this.drafts.draftState(icp.id));
      const scorer = createScorer(compileScoringModel(JSON.parse(snapshot.canonical) as CanonicalIcp));
      return {
        source: { icpId: icp.id, source: 'draft', version: null, modelHash: scorer.model.hash },
        scorer,
      };
    }
    const approved = await this.reviews.latestApproval(icp.id);
    let version: VersionRecord | undefined;
    if (selector === 'approved') {
      if (!approved) {
        throw conflict(
          'no_approved_version',
          'This ICP has no approved version yet: score with ?version=draft or a version number, or approve a version',
        );
      }
      version = await this.versionStore.find(approved.version_id);
    } else if (typeof selector === 'number') {
      version = await this.versionStore.findByNumber(icp.id, selector);
    } else {
      const found = await this.versionStore.find(selector);
      version = found?.icp_id === icp.id ? found : undefined;
    }
    if (!version) throw notFound('Version');
    const scorer = await this.ofVersion(version.id);
    const approvedAt = approved?.version_id === version.id ? approved.approved_at : null;
    return {
      source: {
        icpId: icp.id,
        source: selector === 'approved' ? 'approved' : 'version',
        version: {
          id: version.id,
          number: version.number,
          name: version.name,
          hash: version.hash,
          approvedAt,
        },
        modelHash: scorer.model.hash,
      },
      scorer,
    };
  }

  private async ofVersion(versionId: string): Promise<Scorer> {
    const cached = this.versions.get(versionId);
    if (cached) {
      this.versions.delete(versionId);
      this.versions.set(versionId, cached);
      return cached;
    }
    const content = await this.versionStore.content(versionId);
    if (!content) throw notFound('Version');
    const scorer = createScorer(compileScoringModel(JSON.parse(content.canonical) as CanonicalIcp));
    this.versions.set(versionId, scorer);
    if (this.versions.size > MAX_CACHED_VERSIONS) this.versions.delete(this.versions.keys().next().value!);
    return scorer;
  }
}
