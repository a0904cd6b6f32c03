import type { VersionDto } from '@bullseye/shared';
import { formatDate } from '../../ui/dateFormat.js';

type VersionNaming = Pick<VersionDto, 'number' | 'name' | 'kind' | 'restoredFrom'>;

export const KIND_LABELS: Record<VersionDto['kind'], string> = {
  named: 'Named',
  auto: 'Automatic',
  restore: 'Restore',
};

/** A version's own name: the one people gave it, else what kind of snapshot it is. */
export function versionName(version: VersionNaming): string {
  if (version.name) return version.name;
  if (version.kind === 'restore' && version.restoredFrom !== null) {
    return `Restored version ${version.restoredFrom}`;
  }
  return version.kind === 'auto' ? 'Automatic' : 'Untitled';
}

/** "Version 3 · Q1 2027 workshop", "Version 4 · Automatic". */
export function versionTitle(version: VersionNaming): string {
  return `Version ${version.number} · ${versionName(version)}`;
}

/** The name offered for the version an editor puts up for sign-off: "Sign-off 12 Mar 2026". */
export function defaultSignOffName(now: Date, formatDay: (iso: string) => string = formatDate): string {
  return `Sign-off ${formatDay(now.toISOString())}`;
}
