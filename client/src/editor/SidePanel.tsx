import type { KeyboardEvent, ReactNode } from 'react';
import { PANEL_ID, useSidePanel, type PanelTab } from './sidePanelContext.js';

export interface PanelTabDefinition {
  key: PanelTab;
  label: string;
  /** Something after the label: a count, an attention dot. */
  badge?: ReactNode;
  /** Rendered only while the tab is shown. */
  content: ReactNode;
}

/**
 * The editor's right-hand panel: tabs (Comments, Review, History, Data) over the content of the one
 * shown. Beside the page on wide screens, a drawer over it on narrow ones. Arrow keys move between
 * tabs; Escape closes the drawer (the comments tab handles its own Escape first).
 */
export function SidePanel({ tabs }: { tabs: readonly PanelTabDefinition[] }) {
  const panel = useSidePanel();
  if (!panel.open) return null;
  const active = tabs.find((t) => t.key === panel.tab) ?? tabs[0];
  if (!active) return null;

  function onTabKeyDown(event: KeyboardEvent<HTMLElement>) {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    event.preventDefault();
    const index = tabs.findIndex((t) => t.key === panel.tab);
    const next = tabs[(index + (event.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length]!;
    panel.show(next.key);
    document.getElementById(`panel-tab-${next.key}`)?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLElement>) {
    if (event.key !== 'Escape' || panel.docked || panel.tab === 'comments' || event.defaultPrevented) return;
    if ((event.target as HTMLElement).closest('textarea, input, select, [role="menu"], dialog')) return;
    panel.close();
    // Back to the top bar button that opened it (`review-toggle`, `history-toggle`).
    document.getElementById(`${panel.tab}-toggle`)?.focus();
  }

  return (
    <div
      id={PANEL_ID}
      className={`side-panel ${panel.docked ? 'side-panel-docked' : 'side-panel-drawer'}`}
      data-testid="side-panel"
      data-tab={panel.tab}
      tabIndex={-1}
      onKeyDown={onKeyDown}
    >
      <div className="side-panel-head">
        <div className="side-panel-tabs" role="tablist" aria-label="Panel" onKeyDown={onTabKeyDown}>
          {tabs.map((tab) => {
            const selected = tab.key === active.key;
            return (
              <button
                key={tab.key}
                type="button"
                role="tab"
                id={`panel-tab-${tab.key}`}
                aria-selected={selected}
                aria-controls={`panel-${tab.key}`}
                tabIndex={selected ? 0 : -1}
                className={`side-panel-tab ${selected ? 'side-panel-tab-active' : ''}`}
                // Six tabs may not all fit a narrow panel (the strip scrolls): the shown one always does.
                ref={selected ? scrollTabIntoView : undefined}
                onClick={() => panel.show(tab.key)}
              >
                {tab.label}
                {tab.badge}
              </button>
            );
          })}
        </div>
        <button
          type="button"
          className="icon-btn side-panel-close"
          aria-label="Close panel"
          title="Close panel"
          onClick={panel.close}
        >
          ×
        </button>
      </div>
      <div
        className="side-panel-body"
        id={`panel-${active.key}`}
        role="tabpanel"
        aria-labelledby={`panel-tab-${active.key}`}
      >
        {active.content}
      </div>
    </div>
  );
}

function scrollTabIntoView(tab: HTMLButtonElement | null): void {
  tab?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
}
