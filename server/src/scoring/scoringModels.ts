import {
  compileScoringModel,
  createScorer,
  type CanonicalIcp,
  type ModelSelector,
  type ModelSourceDto,
  type Scorer,
} from '@bullseye/shared';
import type { LiveDrafts } from '../collaboration/collabEvents.js';
import { canonicalOfState } from '../db/docSnapshot.js';
import type { IcpRow } from '../db/icpStore.js';
import type { ReviewStore } from '../db/reviewStore.js';
import type { VersionRecord, VersionStore } from '../db/versionStore.js';
import { conflict, notFound } from '../errors.js';
import { LruMap } from '../lruMap.js';
import type { Inherited, NegativeIcps } from './negativeIcps.js';

/** A model ready to score with, and which version of which ICP it came from. */
export interface ResolvedModel {
  source: ModelSourceDto;
  scorer: Scorer;
}

interface CompiledVersion {
  version: VersionRecord;
  scorer: Scorer;
}

/** The negative ICP versions a model's inherited disqualifiers came from, once each. */
function negativesOf(inherited: Inherited): NonNullable<ModelSourceDto['negatives']> {
  const seen = new Map<string, { icpId: string; title: string; versionNumber: number }>();
  for (const { source } of inherited.inherited) {
    seen.set(source.icpId, { icpId: source.icpId, title: source.title, versionNumber: source.versionNumber });
  }
  return [...seen.values()];
}

/** Compiled models of versions kept in memory (versions never change, so they never go stale). */
const MAX_CACHED_VERSIONS = 256;
const MAX_CACHED_NUMBERS = 4096;

/**
 * Finds the scoring model a request names: the ICP's latest approved version (the default, what
 * other systems score with), a version by number or id, or the live draft. Models of versions are
 * compiled once from the stored canonical JSON and cached by version id with the version's record
 * (immutable: no update path exists), so a request reads only which version is approved; the draft's is compiled
 * from its committed state at the time of the request, so the draft never changes what the
 * approved model answers.
 */
export class ScoringModels {
  private readonly versions = new LruMap<string, CompiledVersion>(MAX_CACHED_VERSIONS);
  /** `icpId:number` → version id (a number names one version for good). */
  private readonly numbers = new LruMap<string, string>(MAX_CACHED_NUMBERS);

  constructor(
    private readonly versionStore: VersionStore,
    private readonly reviews: ReviewStore,
    private readonly drafts: LiveDrafts,
    private readonly negatives: NegativeIcps,
  ) {}

  /**
   * The model a request names, with what the workspace's negative ICPs disqualify (their approved
   * versions) compiled in.
   */
  async resolve(icp: IcpRow, selector: ModelSelector): Promise<ResolvedModel> {
    if (selector === 'draft')
      return this.ofDraft(icp, canonicalOfState(await this.drafts.draftState(icp.id)));
    const inherited = await this.negatives.of(icp);
    const negatives = negativesOf(inherited);
    const approved = await this.reviews.latestApproval(icp.id);
    let versionId: string | undefined;
    if (selector === 'approved') {
      if (!approved) {
        throw conflict(
          'no_approved_version',
          'This ICP has no approved version yet: score with ?version=draft or a version number, or approve a version',
        );
      }
      versionId = approved.version_id;
    } else if (typeof selector === 'number') {
      const key = `${icp.id}:${selector}`;
      versionId = this.numbers.get(key) ?? (await this.versionStore.findByNumber(icp.id, selector))?.id;
      if (versionId) this.numbers.set(key, versionId);
    } else {
      versionId = selector;
    }
    const compiled = versionId ? await this.ofVersion(versionId, inherited) : undefined;
    // Another ICP's version is unknown here, exactly like one that does not exist.
    if (!compiled || compiled.version.icp_id !== icp.id) throw notFound('Version');
    const { version, scorer } = compiled;
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
        negatives,
      },
      scorer,
    };
  }

  /** The model of a draft the caller has read already (`canonical`), with what it inherits. */
  async ofDraft(icp: IcpRow, canonical: CanonicalIcp): Promise<ResolvedModel> {
    const inherited = await this.negatives.of(icp);
    const scorer = createScorer(compileScoringModel(canonical, inherited.inherited));
    return {
      source: {
        icpId: icp.id,
        source: 'draft',
        version: null,
        modelHash: scorer.model.hash,
        negatives: negativesOf(inherited),
      },
      scorer,
    };
  }

  /**
   * A version's record and compiled model, read and compiled once per set of negative versions it
   * inherits from (versions never change).
   */
  private async ofVersion(versionId: string, inherited: Inherited): Promise<CompiledVersion | undefined> {
    const cacheKey = `${versionId}#${inherited.key}`;
    const cached = this.versions.get(cacheKey);
    if (cached) return cached;
    const [version, content] = await Promise.all([
      this.versionStore.find(versionId),
      this.versionStore.content(versionId),
    ]);
    if (!version || !content) return undefined;
    const compiled = {
      version,
      scorer: createScorer(
        compileScoringModel(JSON.parse(content.canonical) as CanonicalIcp, inherited.inherited),
      ),
    };
    this.versions.set(cacheKey, compiled);
    return compiled;
  }
}
