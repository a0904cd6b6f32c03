import { useEffect, useState } from 'react';
import type { DatasetDto, IcpListItemDto } from '@bullseye/shared';
import { icpApi } from '../../api/icpApi.js';
import { insightsApi } from '../../api/insightsApi.js';

/**
 * What the comparison page offers to pick from: the workspace's active ICPs and its ready
 * datasets (null until known; the page works without them).
 */
export function useComparisonChoices(workspaceId: string | null) {
  const [state, setState] = useState<{
    workspaceId: string;
    icps: IcpListItemDto[] | null;
    datasets: DatasetDto[] | null;
  } | null>(null);
  useEffect(() => {
    if (!workspaceId) return;
    let cancelled = false;
    icpApi.list(workspaceId).then(
      (icps) =>
        !cancelled && setState((s) => ({ workspaceId, datasets: null, ...same(s, workspaceId), icps })),
      () => {
        // Without the list, the page still compares the two ICPs in its address.
      },
    );
    insightsApi.listDatasets(workspaceId).then(
      (all) => {
        const datasets = all.filter((d) => d.state === 'ready');
        if (!cancelled) setState((s) => ({ workspaceId, icps: null, ...same(s, workspaceId), datasets }));
      },
      () => {
        // Without the list, the server picks the newest ready dataset.
      },
    );
    return () => {
      cancelled = true;
    };
  }, [workspaceId]);
  const mine = state && state.workspaceId === workspaceId ? state : null;
  return { icps: mine?.icps ?? null, datasets: mine?.datasets ?? null };
}

/** What was already known of this workspace, so one answer does not drop the other. */
function same<T extends { workspaceId: string }>(state: T | null, workspaceId: string): Partial<T> {
  return state && state.workspaceId === workspaceId ? state : {};
}
