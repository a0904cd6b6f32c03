import type { IcpKind } from '@bullseye/shared';

type Listed = { kind: IcpKind; primary: boolean };

/**
 * The list as a team reads it: the ICPs we sell to, the primary one first (the others keep their
 * order), then the negative ICPs (who we never sell to) in a group of their own.
 */
export function groupIcps<T extends Listed>(icps: readonly T[]): { profiles: T[]; negatives: T[] } {
  const profiles = icps.filter((icp) => icp.kind !== 'negative');
  const primary = profiles.filter((icp) => icp.primary);
  return {
    profiles: [...primary, ...profiles.filter((icp) => !icp.primary)],
    negatives: icps.filter((icp) => icp.kind === 'negative'),
  };
}

/**
 * The list after the server confirmed `changed`: at most one primary ICP per workspace, so marking
 * one clears the mark of the others here as the server did there.
 */
export function withOnePrimary<T extends Listed & { id: string }>(
  icps: readonly T[],
  changed: Listed & { id: string },
): T[] {
  if (!changed.primary) return [...icps];
  return icps.map((icp) => (icp.id !== changed.id && icp.primary ? { ...icp, primary: false } : icp));
}
