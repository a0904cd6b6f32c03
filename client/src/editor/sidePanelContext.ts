import { createContext, useContext } from 'react';

/** The tabs of the editor's right-hand panel. */
export type PanelTab = 'comments' | 'review' | 'history' | 'data' | 'score' | 'workshop';

export const PANEL_TABS: readonly PanelTab[] = ['comments', 'review', 'history', 'data', 'score', 'workshop'];

/** The element id of the panel, for `aria-controls`. */
export const PANEL_ID = 'side-panel';

/** The one right-hand panel of the editor: whether it is open, on which tab, and how it sits. */
export interface SidePanelValue {
  open: boolean;
  tab: PanelTab;
  /** Wide screens show the panel beside the page, narrow ones as a drawer over it. */
  docked: boolean;
  /** Opens the panel on `tab`. */
  show: (tab: PanelTab) => void;
  /** Opens the panel on `tab`, or closes it when it already shows `tab`. */
  toggle: (tab: PanelTab) => void;
  close: () => void;
}

export const SidePanelContext = createContext<SidePanelValue | null>(null);

export function useSidePanel(): SidePanelValue {
  const value = useContext(SidePanelContext);
  if (!value) throw new Error('useSidePanel needs a SidePanelProvider');
  return value;
}

/** Whether the panel is open on `tab`. */
export function isShowing(panel: Pick<SidePanelValue, 'open' | 'tab'>, tab: PanelTab): boolean {
  return panel.open && panel.tab === tab;
}
