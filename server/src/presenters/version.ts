import type {
  CanonicalIcp,
  IcpDiffDto,
  SectionDiff,
  VersionDetailDto,
  VersionDto,
  VersionChecklistDto,
  VersionListDto,
} from '@bullseye/shared';
import type { VersionRecord } from '../db/versionStore.js';
import { person } from './review.js';

export function presentVersion(record: VersionRecord): VersionDto {
  return {
    id: record.id,
    icpId: record.icp_id,
    number: record.number,
    name: record.name,
    note: record.note,
    kind: record.kind as VersionDto['kind'],
    author: person(record.author_id, record.author_name),
    createdAt: record.created_at,
    hash: record.hash,
    restoredFrom: record.restored_from,
  };
}

export function presentVersionList(records: readonly VersionRecord[]): VersionListDto {
  return { versions: records.map(presentVersion) };
}

/** A version with its canonical content and the ICP's title at the time. */
export function presentVersionDetail(
  record: VersionRecord,
  canonical: string,
  checklist: VersionChecklistDto | null = null,
): VersionDetailDto {
  return {
    ...presentVersion(record),
    content: JSON.parse(canonical) as CanonicalIcp,
    title: record.title,
    checklist,
  };
}

/** One side of a comparison: a version, or the live draft (no id, no number). */
export interface DiffSide {
  version: VersionRecord | null;
  hash: string;
}

export function presentDiff(from: DiffSide, to: DiffSide, sections: SectionDiff[]): IcpDiffDto {
  const side = ({ version, hash }: DiffSide) => ({
    versionId: version?.id ?? null,
    number: version?.number ?? null,
    hash,
  });
  return { from: side(from), to: side(to), changed: from.hash !== to.hash, sections };
}
