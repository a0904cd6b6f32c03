import { useEffect, useState, type KeyboardEvent } from 'react';
import { useSearchParams } from 'react-router';
import type { InboxItemDto } from '@bullseye/shared';
import { useToast } from '../../ui/Toast.js';
import { useMe } from '../identity/useMe.js';
import { AppHeader } from '../navigation/AppHeader.js';
import { readLastWorkspace } from '../navigation/lastWorkspace.js';
import { groupByDay } from './groupByDay.js';
import { InboxEmptyState } from './InboxEmptyState.js';
import { InboxItem } from './InboxItem.js';
import { useInbox, type InboxView } from './useInbox.js';

const VIEWS: { view: InboxView; label: string }[] = [
  { view: 'unread', label: 'Unread' },
  { view: 'all', label: 'All' },
];

/**
 * `/inbox`: what happened in comments that concerns this person, across their workspaces. Opens on
 * Unread when something is unread, else on All; `?view=` keeps an explicit choice across Back.
 */
export function InboxPage() {
  const me = useMe();
  const toast = useToast();
  const [params, setParams] = useSearchParams();
  const param = params.get('view');
  const requested: InboxView | null = param === 'unread' || param === 'all' ? param : null;
  const inbox = useInbox(requested);
  const now = useMinuteClock();

  const last = readLastWorkspace();
  const workspace = me.workspaces.find((w) => w.id === last) ?? me.workspaces[0] ?? null;
  const workspaceNames =
    me.workspaces.length > 1 ? new Map(me.workspaces.map((w) => [w.id, w.name])) : new Map<string, string>();

  const { unreadCount } = inbox;
  useEffect(() => {
    document.title = unreadCount > 0 ? `Inbox (${unreadCount}) · Bullseye` : 'Inbox · Bullseye';
  }, [unreadCount]);

  const show = (view: InboxView) => setParams({ view }, { replace: true });

  const onTabKey = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    event.preventDefault();
    const next = inbox.view === 'unread' ? 'all' : 'unread';
    show(next);
    document.getElementById(`inbox-tab-${next}`)?.focus();
  };

  const markRead = (item: InboxItemDto) =>
    void inbox.markRead([item.id]).then((ok) => {
      if (!ok) toast('Could not mark that as read. Check your connection and try again.', { tone: 'error' });
    });
  // Opening an item navigates away at once; if marking it read fails, it is still unread next time.
  const markOpened = (item: InboxItemDto) => void inbox.markRead([item.id]);
  const markAllRead = () =>
    void inbox.markAllRead().then((ok) => {
      if (!ok) toast('Could not mark everything as read. Try again.', { tone: 'error' });
    });
  const loadMore = () =>
    void inbox.loadMore().then((ok) => {
      if (!ok) toast('Could not load older items. Try again.', { tone: 'error' });
    });

  return (
    <div className="app-shell">
      <AppHeader workspace={workspace} />
      <main className="page inbox-page">
        <div className="page-head">
          <div>
            <h1>Inbox</h1>
            <p className="muted">
              Mentions of you and your function, replies in your threads, new threads on ICPs you follow, and
              review steps that need you.
            </p>
          </div>
          {(unreadCount > 0 || Boolean(inbox.items?.length)) && (
            <button type="button" className="btn" disabled={unreadCount === 0} onClick={markAllRead}>
              Mark all as read
            </button>
          )}
        </div>

        <div className="tabs" role="tablist" aria-label="Which items">
          {VIEWS.map(({ view, label }) => {
            const selected = inbox.view === view;
            return (
              <button
                key={view}
                id={`inbox-tab-${view}`}
                type="button"
                role="tab"
                aria-selected={selected}
                aria-controls="inbox-panel"
                tabIndex={selected || inbox.view === null ? 0 : -1}
                className={`tab ${selected ? 'tab-active' : ''}`}
                onClick={() => show(view)}
                onKeyDown={onTabKey}
              >
                {label}
                {view === 'unread' && unreadCount > 0 && (
                  <span className="inbox-tab-count">{unreadCount > 99 ? '99+' : unreadCount}</span>
                )}
              </button>
            );
          })}
        </div>

        <div
          id="inbox-panel"
          role="tabpanel"
          aria-labelledby={inbox.view ? `inbox-tab-${inbox.view}` : undefined}
          aria-busy={inbox.items === null}
        >
          {inbox.error && (
            <div className="banner banner-error banner-inline" role="alert">
              {inbox.error.message}{' '}
              <button type="button" className="btn-link" onClick={() => void inbox.reload()}>
                Try again
              </button>
            </div>
          )}
          {inbox.items === null && !inbox.error && <p className="muted">Loading…</p>}
          {inbox.view && inbox.items?.length === 0 && (
            <InboxEmptyState
              view={inbox.view}
              icpsPath={workspace ? `/w/${workspace.id}` : null}
              onShowAll={() => show('all')}
            />
          )}
          {inbox.items &&
            groupByDay(inbox.items, now).map((group) => (
              <section key={group.label} className="inbox-group" aria-label={group.label}>
                <h2 className="inbox-group-title">{group.label}</h2>
                <ul className="inbox-list">
                  {group.items.map((item) => (
                    <InboxItem
                      key={item.id}
                      item={item}
                      workspaceName={workspaceNames.get(item.icp.workspaceId) ?? null}
                      now={now}
                      onOpen={markOpened}
                      onMarkRead={markRead}
                    />
                  ))}
                </ul>
              </section>
            ))}
          {inbox.hasMore && (
            <div className="inbox-more">
              <button type="button" className="btn" disabled={inbox.loadingMore} onClick={loadMore}>
                {inbox.loadingMore ? 'Loading…' : 'Load more'}
              </button>
            </div>
          )}
        </div>
      </main>
    </div>
  );
}

/** Now, updated every minute, so "5 minutes ago" and Today/Yesterday stay true on an open page. */
function useMinuteClock(): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 60_000);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}
