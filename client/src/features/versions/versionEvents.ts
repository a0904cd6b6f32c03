import type { ServerEvent } from '@bullseye/shared';

/**
 * Whether a server event says the version list of `icpId` changed (`{ type: 'versions.changed',
 * icpId }`: a version was named, kept automatically, restored, put up for review).
 */
export function isVersionsChanged(event: ServerEvent, icpId: string): boolean {
  const loose = event as { type: string; icpId?: unknown };
  return loose.type === 'versions.changed' && loose.icpId === icpId;
}
