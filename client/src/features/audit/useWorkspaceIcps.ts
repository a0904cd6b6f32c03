import { useEffect, useState } from 'react';
import type { IcpDto } from '@bullseye/shared';
import { icpApi } from '../../api/icpApi.js';

/** Every ICP of a workspace, active and archived, by title (for the audit log's filter). */
export function useWorkspaceIcps(workspaceId: string): IcpDto[] | null {
  const [state, setState] = useState<{ id: string; icps: IcpDto[] } | null>(null);
  useEffect(() => {
    let cancelled = false;
    Promise.all([icpApi.list(workspaceId, false), icpApi.list(workspaceId, true)]).then(
      ([active, archived]) => {
        if (cancelled) return;
        const icps = [...active, ...archived].sort((a, b) => a.title.localeCompare(b.title));
        setState({ id: workspaceId, icps });
      },
      () => {
        // The filter is a convenience: without the list, the log still shows every entry.
      },
    );
    return () => {
      cancelled = true;
    };
  }, [workspaceId]);
  return state?.id === workspaceId ? state.icps : null;
}
