import { useEffect, useState, type Dispatch, type SetStateAction } from 'react';
import { Link, useParams } from 'react-router';
import { colorForName, type IcpDto } from '@bullseye/shared';
import { icpApi } from '../api/icpApi.js';
import type { ApiError } from '../api/apiError.js';
import { useIcpSession, useSessionStatus } from '../collab/useIcpSession.js';
import { usePresence } from '../collab/usePresence.js';
import { useDisplayName } from '../identity/displayName.js';
import { NamePrompt } from '../identity/NamePrompt.js';
import { Logo } from '../ui/Logo.js';
import { useToast } from '../ui/Toast.js';
import { IcpPage } from './IcpPage.js';
import { PresenceBar } from './PresenceBar.js';
import { StatusIndicator } from './StatusIndicator.js';
import { TitleEditor } from './TitleEditor.js';
import { useIcp } from './useIcp.js';
import type { IcpSession, PresenceUser } from '../collab/IcpSession.js';

/** `/icp/:id`: the live, shared one-page ICP. */
export function IcpEditorPage() {
  const { id = '' } = useParams();
  const [name, setName] = useDisplayName();
  const [editingName, setEditingName] = useState(false);
  const user: PresenceUser | null = name ? { name, color: colorForName(name) } : null;
  const { icp, error, reload, setIcp } = useIcp(id);
  const exists = icp !== null;
  const session = useIcpSession(id, exists ? user : null);

  if (error && !icp) return <LoadError error={error} onRetry={reload} />;
  return (
    <div className="app-shell editor-shell">
      {(!name || editingName) && (
        <NamePrompt
          initial={name ?? ''}
          onSubmit={(next) => {
            setName(next);
            setEditingName(false);
          }}
          onCancel={name ? () => setEditingName(false) : undefined}
        />
      )}
      {icp && session && user ? (
        <LiveEditor
          session={session}
          user={user}
          icpId={id}
          onEditName={() => setEditingName(true)}
          icp={icp}
          setIcp={setIcp}
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
  icpId: string;
  onEditName: () => void;
  icp: IcpDto;
  setIcp: Dispatch<SetStateAction<IcpDto | null>>;
}

function LiveEditor({ session, user, icpId, onEditName, icp, setIcp }: LiveEditorProps) {
  const toast = useToast();
  const status = useSessionStatus(session);
  const people = usePresence(session);
  const archived = icp.archivedAt !== null;

  // Renames and archiving by anyone else arrive as server events on the collaboration socket.
  useEffect(() => {
    return session.onEvent((event) => {
      if (event.type === 'icp.updated' && event.icp.id === icpId) {
        setIcp((current) => (current ? { ...current, ...event.icp } : current));
      }
    });
  }, [session, icpId, setIcp]);

  useEffect(() => {
    document.title = `${icp.title} · Bullseye`;
  }, [icp.title]);

  async function restore() {
    try {
      setIcp(await icpApi.unarchive(icp.id));
    } catch (e) {
      toast((e as ApiError).message, { tone: 'error' });
    }
  }

  return (
    <>
      <header className="topbar editor-topbar">
        <Logo />
        <nav className="crumbs" aria-label="Breadcrumb">
          <Link to="/" className="link">
            All ICPs
          </Link>
          <span aria-hidden="true">/</span>
        </nav>
        <TitleEditor icp={icp} readOnly={archived} onRenamed={setIcp} />
        <div className="topbar-right">
          <StatusIndicator status={status} />
          <PresenceBar people={people} onEditSelf={onEditName} />
          <button type="button" className="btn btn-sm" onClick={() => window.print()}>
            Print
          </button>
        </div>
      </header>
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
          This ICP is archived and read-only.{' '}
          <button type="button" className="btn-link" onClick={() => void restore()}>
            Restore it
          </button>{' '}
          to edit.
        </div>
      )}
      <main className="editor-main">
        <h1 className="print-title">{icp.title}</h1>
        <IcpPage
          session={session}
          user={user}
          people={people}
          readOnly={archived || status.connection === 'closed'}
        />
      </main>
    </>
  );
}

function LoadError({ error, onRetry }: { error: ApiError; onRetry: () => void }) {
  const notFound = error.status === 404;
  return (
    <div className="app-shell">
      <header className="topbar">
        <Logo />
      </header>
      <main className="home">
        <div className="card empty">
          <h1>{notFound ? 'This ICP does not exist' : 'Could not open this ICP'}</h1>
          <p className="muted">
            {notFound
              ? 'The link may be wrong, or it points to an ICP that was never created here.'
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
