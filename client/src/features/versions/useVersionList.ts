import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { VersionDto } from '@bullseye/shared';
import { asApiError, type ApiError } from '../../api/apiError.js';
import { versionsApi } from '../../api/versionsApi.js';
import type { IcpSession } from '../../collab/IcpSession.js';
import { useReconnected } from '../../collab/useReconnected.js';
import { isVersionsChanged } from './versionEvents.js';

export interface VersionList {
  /** Newest first; null until loaded. */
  versions: VersionDto[] | null;
  error: ApiError | null;
  reload: () => void;
  /** Shows a version the server just confirmed, before the list is fetched again. */
  add: (version: VersionDto) => void;
}

/** Inserts a version in newest-first order, replacing an older copy of it. */
function withVersion(list: VersionDto[], version: VersionDto): VersionDto[] {
  return [version, ...list.filter((v) => v.id !== version.id)].sort((a, b) => b.number - a.number);
}

/**
 * The versions of one ICP, live: loaded over HTTP, fetched again when the server says the list
 * changed (`versions.changed`) and after every reconnection (events are lost while offline).
 */
export function useVersionList(session: IcpSession, icpId: string): VersionList {
  const [versions, setVersions] = useState<VersionDto[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const generation = useRef(0);

  const reload = useCallback(() => {
    const current = ++generation.current;
    versionsApi.list(icpId).then(
      (list) => {
        if (generation.current !== current) return;
        setVersions(list);
        setError(null);
      },
      (e: unknown) => {
        if (generation.current === current) setError(asApiError(e));
      },
    );
  }, [icpId]);

  useEffect(() => {
    reload();
    const loads = generation;
    return () => {
      loads.current++;
    };
  }, [reload]);

  useEffect(
    () =>
      session.onEvent((event) => {
        if (isVersionsChanged(event, icpId)) reload();
      }),
    [session, icpId, reload],
  );

  useReconnected(session, reload);

  const add = useCallback((version: VersionDto) => {
    setVersions((list) => (list ? withVersion(list, version) : list));
  }, []);

  return useMemo(() => ({ versions, error, reload, add }), [versions, error, reload, add]);
}
