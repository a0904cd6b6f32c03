import {
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type Dispatch,
  type ReactNode,
  type SetStateAction,
} from 'react';
import { Link, useParams } from 'react-router';
import { colorForName, type IcpDto, type WorkspaceDto } from '@bullseye/shared';
import { icpApi } from '../api/icpApi.js';
import { asApiError, type ApiError } from '../api/apiError.js';
import type { IcpSession, PresenceUser } from '../collab/IcpSession.js';
import { useIcpSession, useSessionStatus } from '../collab/useIcpSession.js';
import { usePresence } from '../collab/usePresence.js';
import { useAuth } from '../features/identity/useAuth.js';
import { useMe } from '../features/identity/useMe.js';
import { UserMenu } from '../features/navigation/UserMenu.js';
import { InboxLink } from '../features/inbox/InboxLink.js';
import { unreadInbox } from '../features/inbox/unreadInbox.js';
import { rememberWorkspace } from '../features/navigation/lastWorkspace.js';
import { CommentsProvider } from '../features/comments/CommentsProvider.js';
import { CommentsToggle } from '../features/comments/CommentsToggle.js';
import { ReviewProvider } from '../features/review/ReviewProvider.js';
import { CoachProvider } from '../features/coach/CoachProvider.js';
import { ReviewStatusButton } from '../features/review/ReviewStatusButton.js';
import { DraftPrintHeader } from '../features/print/DraftPrintHeader.js';
import { HistoryToggle } from '../features/versions/HistoryToggle.js';
import { IcpKindBadges } from '../features/icpKinds/IcpKindBadges.js';
import { InheritedDisqualifiersProvider } from '../features/icpKinds/InheritedDisqualifiersProvider.js';
import { NegativeIcpBanner } from '../features/icpKinds/NegativeIcpBanner.js';
import { InsightsProvider } from '../features/insights/InsightsProvider.js';
import { VersionsProvider } from '../features/versions/VersionsProvider.js';
import { FollowFacilitator } from '../features/workshop/FollowFacilitator.js';
import { WorkshopBar } from '../features/workshop/WorkshopBar.js';
import { WorkshopProvider } from '../features/workshop/WorkshopProvider.js';
import { WorkshopToggle } from '../features/workshop/WorkshopToggle.js';
import { useMediaQuery } from '../features/comments/useMediaQuery.js';
import { Logo } from '../ui/Logo.js';
import { Menu } from '../ui/Menu.js';
import { useToast } from '../ui/Toast.js';
import { AccessBadge } from './AccessBadge.js';
import { EditorSidePanel } from './EditorSidePanel.js';
import { IcpPage } from './IcpPage.js';
import { PresenceBar } from './PresenceBar.js';
import { isShowing, PANEL_ID, useSidePanel } from './sidePanelContext.js';
import { SidePanelProvider } from './SidePanelProvider.js';
import { StatusIndicator } from './StatusIndicator.js';
import { TitleEditor } from './TitleEditor.js';
import { UnsavedChangesBanner } from './UnsavedChangesBanner.js';
import { useIcp } from './useIcp.js';

/** How often a refused connection may trigger an access check over HTTP. */
const ACCESS_CHECK_INTERVAL_MS = 10_000;

/** `/icp/:id`: the live, shared one-page ICP, editable or read-only as the person's role allows. */
export function IcpEditorPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const { name } = me.user;
  const userId = me.user.id;
  const user = useMemo<PresenceUser>(() => ({ name, color: colorForName(userId) }), [name, userId]);
  const { icp, error, reload, setIcp } = useIcp(id);
  const [lostAccess, setLostAccess] = useState<string | null>(null);
  const loseAccess = useCallback(() => setLostAccess(id), [id]);
  const open = icp !== null && lostAccess !== id;
  const session = useIcpSession(id, open ? user : null);
  const workspace = icp ? (me.workspaces.find((w) => w.id === icp.workspaceId) ?? null) : null;

  useEffect(() => {
    if (icp) rememberWorkspace(icp.workspaceId);
  }, [icp]);

  if (lostAccess === id) return <NoAccess />;
  if (error && !icp) return <LoadError error={error} onRetry={reload} />;
  return (
    <div className="app-shell editor-shell">
      {icp && session ? (
        <LiveEditor
          session={session}
          user={user}
          icp={icp}
          workspace={workspace}
          setIcp={setIcp}
          onLostAccess={loseAccess}
        />
      ) : (
        <header className="topbar">
          <Logo />
          <span className="muted">Opening…</span>
        </header>
      )}
    </div>
  );
}

interface LiveEditorProps {
  session: IcpSession;
  user: PresenceUser;
  icp: IcpDto;
  /** The ICP's workspace as this person belongs to it (null for a moment after access changed). */
  workspace: WorkspaceDto | null;
  setIcp: Dispatch<SetStateAction<IcpDto | null>>;
  onLostAccess: () => void;
}

/** The live editor with its right-hand panel (Comments, Review, History, Data). */
function LiveEditor(props: LiveEditorProps) {
  return (
    <SidePanelProvider key={props.icp.id}>
      <PanelledEditor {...props} />
    </SidePanelProvider>
  );
}

function PanelledEditor({ session, user, icp, workspace, setIcp, onLostAccess }: LiveEditorProps) {
  const selfId = useMe().user.id;
  const panel = useSidePanel();
  const { show: showPanel, close: closePanel, toggle: togglePanel } = panel;
  /** A top bar toggle: over the page (a drawer), the panel takes the keyboard when it opens. */
  const toggleTab = (tab: 'review' | 'history' | 'workshop') => {
    const opening = !isShowing(panel, tab);
    togglePanel(tab);
    if (opening && !panel.docked) requestAnimationFrame(() => document.getElementById(PANEL_ID)?.focus());
  };
  const setCommentsOpen = useCallback(
    (open: boolean) => (open ? showPanel('comments') : closePanel()),
    [showPanel, closePanel],
  );
  const toast = useToast();
  const { refresh } = useAuth();
  const status = useSessionStatus(session);
  const people = usePresence(session);
  const compactBar = useMediaQuery(COMPACT_BAR_QUERY);
  const archived = icp.archivedAt !== null;
  const canEdit = icp.abilities.edit && !archived;
  const readOnly = !canEdit || status.connection === 'closed' || status.connection === 'paused';
  const lastCheck = useRef(0);

  // Renames, archiving and review changes by anyone else arrive as server events on the socket.
  useEffect(() => {
    return session.onEvent((event) => {
      if (event.type === 'icp.updated' && event.icp.id === icp.id) {
        setIcp((current) => (current ? { ...current, ...event.icp } : current));
      } else if (event.type === 'inbox.changed') {
        unreadInbox.set(event.unreadCount);
      } else if (event.type === 'events.missed') {
        // The server's instances lost touch for a while: ask again for what events keep current.
        void unreadInbox.refresh();
        icpApi.get(icp.id).then(setIcp, () => {});
      }
    });
  }, [session, icp.id, setIcp]);

  // The server ends the socket when the session ends or this person's access changes; the HTTP API
  // then says what is left: the same ICP with new abilities, or 404 once removed from the workspace.
  useEffect(() => {
    const check = async (reconnect: boolean) => {
      lastCheck.current = Date.now();
      try {
        const fresh = await icpApi.get(icp.id);
        setIcp(fresh);
        if (reconnect) session.reconnect();
      } catch (e) {
        const error = asApiError(e);
        if (error.status === 404 || error.status === 403) onLostAccess();
        else if (reconnect && !error.isSessionEnded) session.reconnect();
      }
    };
    return session.onAccess((signal) => {
      if (signal === 'signedOut') {
        void refresh();
      } else if (signal === 'changed') {
        void refresh();
        void check(true);
      } else if (Date.now() - lastCheck.current > ACCESS_CHECK_INTERVAL_MS) {
        void check(false);
      }
    });
  }, [session, icp.id, setIcp, refresh, onLostAccess]);

  useEffect(() => {
    document.title = `${icp.title} · Bullseye`;
  }, [icp.title]);

  async function restore() {
    try {
      setIcp(await icpApi.unarchive(icp.id));
    } catch (e) {
      toast(asApiError(e).message, { tone: 'error' });
    }
  }

  return (
    <CommentsProvider
      key={icp.id}
      icp={icp}
      session={session}
      open={isShowing(panel, 'comments')}
      onOpenChange={setCommentsOpen}
    >
      <VersionsProvider key={icp.id} icp={icp} session={session}>
        <ReviewProvider key={icp.id} icp={icp} setIcp={setIcp} session={session}>
          <CoachProvider key={icp.id} icp={icp} session={session}>
            <WorkshopProvider key={icp.id} icp={icp} session={session}>
              <header className="topbar editor-topbar">
                <Logo />
                <nav className="crumbs" aria-label="Breadcrumb">
                  {workspace && <span className="crumb-workspace">{workspace.name}</span>}
                  <Link to={`/w/${icp.workspaceId}`} className="link">
                    All ICPs
                  </Link>
                  <span aria-hidden="true">/</span>
                </nav>
                <TitleEditor icp={icp} readOnly={archived || !icp.abilities.manageIcps} onRenamed={setIcp} />
                <div className="topbar-right">
                  <IcpKindBadges icp={icp} />
                  <AccessBadge archived={archived} abilities={icp.abilities} />
                  <ReviewStatusButton
                    expanded={isShowing(panel, 'review')}
                    controls={PANEL_ID}
                    onClick={() => toggleTab('review')}
                  />
                  <StatusIndicator status={status} showSave={canEdit} />
                  <div className="topbar-group">
                    <WorkshopToggle
                      expanded={isShowing(panel, 'workshop')}
                      controls={PANEL_ID}
                      onClick={() => toggleTab('workshop')}
                    />
                    <CommentsToggle />
                    <HistoryToggle
                      expanded={isShowing(panel, 'history')}
                      controls={PANEL_ID}
                      onClick={() => toggleTab('history')}
                    />
                    <button
                      type="button"
                      className="btn btn-sm btn-icon print-toggle"
                      onClick={() => window.print()}
                      aria-label="Print"
                      title={PRINT_TITLE}
                    >
                      <PrintIcon />
                    </button>
                    {/* On a tablet, History and Print fold into this menu; Comments stays in the bar. */}
                    <div className="topbar-more">
                      <Menu
                        trigger={<MoreIcon />}
                        triggerLabel="More actions"
                        triggerClassName="btn btn-sm btn-icon"
                        align="end"
                      >
                        <button
                          type="button"
                          role="menuitem"
                          className="menu-item"
                          aria-pressed={isShowing(panel, 'history')}
                          onClick={() => toggleTab('history')}
                        >
                          Version history
                        </button>
                        <button
                          type="button"
                          role="menuitem"
                          className="menu-item"
                          title={PRINT_TITLE}
                          // After the menu has closed, so it is not on the paper.
                          onClick={() => requestAnimationFrame(() => window.print())}
                        >
                          Print or save as PDF
                        </button>
                      </Menu>
                    </div>
                  </div>
                  <InboxLink />
                  <PresenceBar people={people} selfId={selfId} self={<UserMenu />} max={compactBar ? 3 : 8} />
                </div>
              </header>
              {status.unsaved && canEdit && (
                <UnsavedChangesBanner session={session} reason={status.unsaved} title={icp.title} />
              )}
              {status.closeReason && (
                <div className="banner banner-error" role="alert">
                  {status.closeReason}{' '}
                  <button type="button" className="btn-link" onClick={() => window.location.reload()}>
                    Reload
                  </button>
                </div>
              )}
              {archived && (
                <div className="banner" role="status">
                  This ICP is archived and read-only.
                  {icp.abilities.manageIcps && (
                    <>
                      {' '}
                      <button type="button" className="btn-link" onClick={() => void restore()}>
                        Restore it
                      </button>{' '}
                      to edit.
                    </>
                  )}
                </div>
              )}
              <NegativeIcpBanner icp={icp} />
              <InheritedDisqualifiersProvider icpId={icp.id} kind={icp.kind}>
                <InsightsProvider doc={session.doc} workspaceId={icp.workspaceId} canEdit={!readOnly}>
                  <EditorLayout>
                    <main className="editor-main">
                      <WorkshopBar icp={icp} />
                      <FollowFacilitator />
                      <DraftPrintHeader title={icp.title} />
                      <IcpPage session={session} user={user} people={people} readOnly={readOnly} />
                    </main>
                    <EditorSidePanel />
                  </EditorLayout>
                </InsightsProvider>
              </InheritedDisqualifiersProvider>
            </WorkshopProvider>
          </CoachProvider>
        </ReviewProvider>
      </VersionsProvider>
    </CommentsProvider>
  );
}

const PRINT_TITLE =
  'Print or save as PDF: the live draft on one page, marked "Draft, not approved". A longer ICP continues on a second page; every page is footed with what it is and "Page n of m".';

/** Below this width the top bar folds History and Print into "More actions" and shows fewer avatars. */
const COMPACT_BAR_QUERY = '(max-width: 1023px)';

function MoreIcon() {
  return (
    <svg viewBox="0 0 20 20" width="16" height="16" aria-hidden="true" focusable="false">
      <circle cx="4.5" cy="10" r="1.6" fill="currentColor" />
      <circle cx="10" cy="10" r="1.6" fill="currentColor" />
      <circle cx="15.5" cy="10" r="1.6" fill="currentColor" />
    </svg>
  );
}

function PrintIcon() {
  return (
    <svg viewBox="0 0 20 20" width="16" height="16" aria-hidden="true" focusable="false">
      <path
        d="M6 7.5V3h8v4.5M6 14H4.5A1.5 1.5 0 0 1 3 12.5v-3A1.5 1.5 0 0 1 4.5 8h11A1.5 1.5 0 0 1 17 9.5v3a1.5 1.5 0 0 1-1.5 1.5H14M6 11.5h8V17H6z"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.6"
        strokeLinejoin="round"
      />
    </svg>
  );
}

/** The page and, beside it on wide screens, the panel. */
function EditorLayout({ children }: { children: ReactNode }) {
  const { open, docked } = useSidePanel();
  return <div className={`editor-layout ${open && docked ? 'editor-layout-panel' : ''}`}>{children}</div>;
}

function NoAccess() {
  return (
    <div className="app-shell">
      <header className="topbar">
        <Logo />
        <div className="topbar-right">
          <UserMenu />
        </div>
      </header>
      <main className="page page-narrow">
        <div className="card empty" role="alert">
          <h1>You no longer have access to this ICP</h1>
          <p className="muted">
            An admin removed you from its workspace. If that was a mistake, ask them to invite you again.
          </p>
          <Link to="/" className="btn btn-primary">
            Go to your workspaces
          </Link>
        </div>
      </main>
    </div>
  );
}

function LoadError({ error, onRetry }: { error: ApiError; onRetry: () => void }) {
  const notFound = error.status === 404;
  return (
    <div className="app-shell">
      <header className="topbar">
        <Logo />
        <div className="topbar-right">
          <UserMenu />
        </div>
      </header>
      <main className="page page-narrow">
        <div className="card empty">
          <h1>{notFound ? 'This ICP does not exist' : 'Could not open this ICP'}</h1>
          <p className="muted">
            {notFound
              ? 'The link may be wrong, or the ICP belongs to a workspace you are not a member of. Ask whoever sent it for an invite.'
              : error.message}
          </p>
          <div className="row">
            <Link to="/" className="btn btn-primary">
              All ICPs
            </Link>
            {!notFound && (
              <button type="button" className="btn" onClick={onRetry}>
                Try again
              </button>
            )}
          </div>
        </div>
      </main>
    </div>
  );
}
