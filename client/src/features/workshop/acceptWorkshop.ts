import type { WorkshopDto } from '@bullseye/shared';

/**
 * Whether a session state that just arrived (an HTTP answer or a `workshop.updated` event) should
 * replace the one shown. Answers and events for the same change race each other; each carries the
 * server's clock when it was presented, so an older one never undoes a newer one.
 */
export function isNewer(shown: WorkshopDto | null, incoming: WorkshopDto): boolean {
  if (!shown || shown.id !== incoming.id) return true;
  if (shown.status === 'ended' && incoming.status === 'running') return false;
  return incoming.timer.serverTime >= shown.timer.serverTime;
}
