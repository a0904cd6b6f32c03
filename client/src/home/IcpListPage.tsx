import { useState } from 'react';
import { Logo } from '../ui/Logo.js';
import { CreateIcpForm } from './CreateIcpForm.js';
import { IcpRow } from './IcpRow.js';
import { useIcpList } from './useIcpList.js';

/** The list of ICPs: create, open, rename, archive and restore. */
export function HomePage() {
  const [archived, setArchived] = useState(false);
  const [creating, setCreating] = useState(false);
  const { icps, error, reload, replace } = useIcpList(archived);

  return (
    <div className="app-shell">
      <header className="topbar">
        <Logo />
      </header>
      <main className="home">
        <div className="home-head">
          <div>
            <h1>Ideal Customer Profiles</h1>
            <p className="muted">
              Agree, across sales, marketing, product and customer success, on who your best customers are.
            </p>
          </div>
          {!creating && (
            <button type="button" className="btn btn-primary" onClick={() => setCreating(true)}>
              New ICP
            </button>
          )}
        </div>
        {creating && <CreateIcpForm onCancel={() => setCreating(false)} />}

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
          <div className="banner banner-error" role="alert">
            {error.message}{' '}
            <button type="button" className="btn-link" onClick={() => void reload()}>
              Try again
            </button>
          </div>
        )}
        {icps === null && !error && <p className="muted">Loading…</p>}
        {icps?.length === 0 && <EmptyState archived={archived} onCreate={() => setCreating(true)} />}
        {icps && icps.length > 0 && (
          <ul className="icp-list" aria-label={archived ? 'Archived ICPs' : 'Active ICPs'}>
            {icps.map((icp) => (
              <IcpRow key={`${icp.id}-${icp.title}`} icp={icp} onChanged={replace} />
            ))}
          </ul>
        )}
      </main>
    </div>
  );
}

function EmptyState({ archived, onCreate }: { archived: boolean; onCreate: () => void }) {
  if (archived)
    return <p className="empty muted">Nothing archived. Archived ICPs can be restored at any time.</p>;
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
