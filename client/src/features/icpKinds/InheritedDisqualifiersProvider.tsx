import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { IcpKind, InheritedDisqualifiersDto } from '@bullseye/shared';
import { icpApi } from '../../api/icpApi.js';
import { InheritedContext, sourcesKeyOf, type InheritedValue } from './inheritedContext.js';

/** How often an open editor asks again (another ICP's approval sends no event here). */
const REFRESH_MS = 60_000;

const EMPTY: InheritedDisqualifiersDto = { inherited: [], pending: [] };

/**
 * Fetches what the workspace's negative ICPs disqualify in the open ICP (nothing for a negative
 * ICP itself), again when the window regains focus, every minute while visible, and when the ICP's
 * kind changes. A failed fetch keeps what was known (nothing at first), so scoring goes on.
 */
export function InheritedDisqualifiersProvider({
  icpId,
  kind,
  children,
}: {
  icpId: string;
  kind: IcpKind;
  children: ReactNode;
}) {
  const key = `${icpId}:${kind}`;
  const [loaded, setLoaded] = useState<{ key: string; dto: InheritedDisqualifiersDto; text: string } | null>(
    null,
  );
  const [failedKey, setFailedKey] = useState<string | null>(null);
  const seq = useRef(0);

  const load = useCallback(() => {
    if (kind === 'negative') return;
    const n = ++seq.current;
    const forKey = `${icpId}:${kind}`;
    icpApi.inheritedDisqualifiers(icpId).then(
      (dto) => {
        if (n !== seq.current) return;
        const text = JSON.stringify(dto);
        // The same answer keeps the same objects, so the draft's model is not compiled again.
        setLoaded((current) =>
          current?.key === forKey && current.text === text ? current : { key: forKey, dto, text },
        );
        setFailedKey(null);
      },
      () => {
        if (n === seq.current) setFailedKey(forKey);
      },
    );
  }, [icpId, kind]);

  useEffect(() => {
    load();
    const onFocus = () => load();
    window.addEventListener('focus', onFocus);
    const timer = window.setInterval(() => {
      if (document.visibilityState === 'visible') load();
    }, REFRESH_MS);
    return () => {
      window.removeEventListener('focus', onFocus);
      window.clearInterval(timer);
    };
  }, [load]);

  const current = kind === 'negative' ? EMPTY : loaded?.key === key ? loaded.dto : null;
  const failed = kind !== 'negative' && failedKey === key;
  const value = useMemo<InheritedValue>(() => {
    const dto = current ?? EMPTY;
    return {
      inherited: dto.inherited,
      pending: dto.pending,
      state: failed ? 'error' : current ? 'ready' : 'loading',
      sourcesKey: sourcesKeyOf(dto.inherited),
      retry: load,
    };
  }, [current, failed, load]);
  return <InheritedContext.Provider value={value}>{children}</InheritedContext.Provider>;
}
