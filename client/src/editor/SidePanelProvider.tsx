import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { DOCKED_QUERY } from '../features/comments/CommentsProvider.js';
import { useMediaQuery } from '../features/comments/useMediaQuery.js';
import { PANEL_TABS, SidePanelContext, type PanelTab, type SidePanelValue } from './sidePanelContext.js';

/**
 * Owns the editor's right-hand panel (Comments, Review, History, Data). It starts open on Comments when
 * there is room beside the page; `?panel=review` or `?panel=history` opens it on that tab.
 */
export function SidePanelProvider({ children }: { children: ReactNode }) {
  const docked = useMediaQuery(DOCKED_QUERY);
  const [params, setParams] = useSearchParams();
  const [state, setState] = useState<{ open: boolean; tab: PanelTab }>(() => {
    const asked = params.get('panel');
    const tab = PANEL_TABS.find((t) => t === asked);
    return tab ? { open: true, tab } : { open: window.matchMedia(DOCKED_QUERY).matches, tab: 'comments' };
  });

  // The parameter has done its job; a reload should not jump back to that tab.
  const asked = params.has('panel');
  useEffect(() => {
    if (!asked) return;
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.delete('panel');
        return next;
      },
      { replace: true },
    );
  }, [asked, setParams]);

  // Unchanged state is kept as is, so asking to show the tab already shown re-renders nothing.
  const show = useCallback(
    (tab: PanelTab) => setState((s) => (s.open && s.tab === tab ? s : { open: true, tab })),
    [],
  );
  const toggle = useCallback(
    (tab: PanelTab) =>
      setState((s) => (s.open && s.tab === tab ? { ...s, open: false } : { open: true, tab })),
    [],
  );
  const close = useCallback(() => setState((s) => (s.open ? { ...s, open: false } : s)), []);

  const value = useMemo<SidePanelValue>(
    () => ({ ...state, docked, show, toggle, close }),
    [state, docked, show, toggle, close],
  );
  return <SidePanelContext.Provider value={value}>{children}</SidePanelContext.Provider>;
}
