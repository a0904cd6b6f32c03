import { useState } from 'react';
import type { IcpDto, IcpListItemDto, WorkspaceDto } from '@bullseye/shared';
import { AppHeader } from '../features/navigation/AppHeader.js';
import { useMembershipCheck } from '../features/workspaces/useMembershipCheck.js';
import { useWorkspace } from '../features/workspaces/useWorkspace.js';
import { CreateIcpForm } from './CreateIcpForm.js';
import { groupIcps } from './icpGroups.js';
import { IcpRow } from './IcpRow.js';
import { useIcpList } from './useIcpList.js';
import '../styles/icpList.css';

/**
 * `/w/:workspaceId`: the workspace's ICPs, the primary one first, then its negative ICPs (who we
 * never sell to) in a group of their own. Editors and admins create, rename, archive and restore,
 * duplicate, mark the primary one and change an ICP's kind; everyone compares two.
 */
export function IcpListPage() {
  const workspace = useWorkspace();
  const canManage = workspace.abilities.manageIcps;
  const [archived, setArchived] = useState(false);
  const [creating, setCreating] = useState(false);
  const { icps, error, reload, replace } = useIcpList(workspace.id, archived);
  useMembershipCheck(error);

  return (
    <div className="app-shell">
      <AppHeader workspace={workspace} />
      <main className="page page-wide">
        <div className="page-head">
          <div>
            <h1>Ideal Customer Profiles</h1>
            <p className="muted">
              Agree, across sales, marketing, product and customer success, on who your best customers are.
            </p>
          </div>
          {canManage && !creating && (
            <button type="button" className="btn btn-primary" onClick={() => setCreating(true)}>
              New ICP
            </button>
          )}
        </div>
        {canManage && creating && (
          <CreateIcpForm workspaceId={workspace.id} onCancel={() => setCreating(false)} />
        )}

        <div className="tabs" role="tablist" aria-label="Which ICPs">
          <button
            type="button"
            role="tab"
            aria-selected={!archived}
            className={`tab ${archived ? '' : 'tab-active'}`}
            onClick={() => setArchived(false)}
          >
            Active
          </button>
          <button
            type="button"
            role="tab"
            aria-selected={archived}
            className={`tab ${archived ? 'tab-active' : ''}`}
            onClick={() => setArchived(true)}
          >
            Archived
          </button>
        </div>

        {error && (
          <div className="banner banner-error banner-inline" role="alert">
            {error.message}{' '}
            <button type="button" className="btn-link" onClick={() => void reload()}>
              Try again
            </button>
          </div>
        )}
        {icps === null && !error && <p className="muted">Loading…</p>}
        {icps?.length === 0 && (
          <EmptyState
            archived={archived}
            workspace={workspace}
            onCreate={canManage ? () => setCreating(true) : null}
          />
        )}
        {icps && icps.length > 0 && (
          <IcpGroups icps={icps} archived={archived} canManage={canManage} onChanged={replace} />
        )}
      </main>
    </div>
  );
}

interface IcpGroupsProps {
  icps: IcpListItemDto[];
  archived: boolean;
  canManage: boolean;
  onChanged: (icp: IcpDto) => void;
}

/** The ICPs we sell to, then, apart, the negative ICPs: who we never sell to. */
function IcpGroups({ icps, archived, canManage, onChanged }: IcpGroupsProps) {
  const { profiles, negatives } = groupIcps(icps);
  const ordered = [...profiles, ...negatives];
  const row = (icp: IcpListItemDto) => (
    <IcpRow
      key={`${icp.id}-${icp.title}`}
      icp={icp}
      others={ordered.filter((other) => other.id !== icp.id)}
      canManage={canManage}
      onChanged={onChanged}
    />
  );
  return (
    <>
      {profiles.length > 0 && (
        <ul className="icp-list" aria-label={archived ? 'Archived ICPs' : 'Active ICPs'}>
          {profiles.map(row)}
        </ul>
      )}
      {negatives.length > 0 && (
        <section className="icp-group-negative" aria-labelledby="negative-icps-title">
          <h2 id="negative-icps-title" className="icp-group-title">
            Who we never sell to
          </h2>
          <p className="muted small icp-group-intro">
            Negative ICPs: once a version of one is approved, each of its criteria disqualifies accounts in
            every ICP above.
          </p>
          <ul className="icp-list" aria-label={archived ? 'Archived negative ICPs' : 'Negative ICPs'}>
            {negatives.map(row)}
          </ul>
        </section>
      )}
    </>
  );
}

interface EmptyStateProps {
  archived: boolean;
  workspace: WorkspaceDto;
  /** Null when this person may not create ICPs. */
  onCreate: (() => void) | null;
}

function EmptyState({ archived, workspace, onCreate }: EmptyStateProps) {
  if (archived)
    return <p className="empty muted">Nothing archived. Archived ICPs can be restored at any time.</p>;
  if (!onCreate) {
    return (
      <div className="empty card">
        <h2>No ICPs in {workspace.name} yet</h2>
        <p>
          An Ideal Customer Profile describes the companies that get the most value from your product. When an
          editor or admin of this workspace creates one, it appears here and you can open it.
        </p>
      </div>
    );
  }
  return (
    <div className="empty card">
      <h2>Write your first ICP together</h2>
      <p>
        An Ideal Customer Profile describes the companies, not the people, that get the most value from your
        product and bring the most value back: their firmographics, the technologies they run, what triggers a
        purchase, and who is not a fit.
      </p>
      <p>Open it in a workshop with sales, marketing, product and customer success, and write it live.</p>
      <button type="button" className="btn btn-primary" onClick={onCreate}>
        Create an ICP
      </button>
    </div>
  );
}
