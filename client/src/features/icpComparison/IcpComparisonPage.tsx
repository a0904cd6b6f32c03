import { useEffect, useId } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import type { IcpComparisonDto, IcpListItemDto } from '@bullseye/shared';
import { useIcp } from '../../editor/useIcp.js';
import { IcpKindBadges } from '../icpKinds/IcpKindBadges.js';
import { KIND_TEXT } from '../icpKinds/kindText.js';
import { VersionsTopbar } from '../versions/VersionsTopbar.js';
import { AccountsOverlapCard } from './AccountsOverlapCard.js';
import { icpComparePath } from './comparePaths.js';
import { conflictsTitle, conflictWording, quoted, verdictWording } from './comparisonWording.js';
import { CriteriaComparison } from './CriteriaComparison.js';
import { useComparisonChoices } from './useComparisonChoices.js';
import { useIcpComparison } from './useIcpComparison.js';
import '../../styles/icpComparison.css';

/**
 * `/icp/:id/compare-icp/:otherId[?datasetId=]`: two ICPs of a workspace side by side, as their
 * drafts stand: the verdict (can a company match both?), what one targets that the other rules
 * out, the criteria they share and those only one has, their bands, and with customer data the
 * accounts that fit both. (`/icp/:id/compare` compares two versions of one ICP.)
 */
export function IcpComparisonPage() {
  const { id = '', otherId = '' } = useParams();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const datasetId = params.get('datasetId');
  const { icp, error: icpError } = useIcp(id);
  const { comparison, error, loading, reload } = useIcpComparison(id, otherId, datasetId);
  const { icps, datasets } = useComparisonChoices(icp?.workspaceId ?? null);

  useEffect(() => {
    if (comparison) document.title = `Compare ${comparison.a.title} and ${comparison.b.title} · Bullseye`;
  }, [comparison]);

  const go = (next: { id?: string; otherId?: string; datasetId?: string | null }) =>
    void navigate(
      icpComparePath(
        next.id ?? id,
        next.otherId ?? otherId,
        next.datasetId === undefined ? datasetId : next.datasetId,
      ),
    );

  const failure = icpError ?? error;
  return (
    <div className="app-shell">
      <VersionsTopbar icp={icp}>
        <span className="crumb-current" aria-current="page">
          {comparison ? `Compare with ${comparison.b.title}` : 'Compare'}
        </span>
      </VersionsTopbar>
      <main className="page page-wide icp-compare-page" data-testid="icp-comparison">
        <div className="page-head">
          <div>
            <h1>Compare two ICPs</h1>
            <p className="muted">
              Both drafts as they stand now, side by side: where they meet, and where they part.
            </p>
          </div>
          {icp && (
            <Link className="btn" to={`/icp/${encodeURIComponent(icp.id)}`}>
              Back to {quoted(icp.title)}
            </Link>
          )}
        </div>
        {failure && (
          <div className="banner banner-error banner-inline" role="alert">
            {failure.status === 404
              ? 'One of these ICPs does not exist, or belongs to another workspace.'
              : failure.message}{' '}
            {failure.status !== 404 && (
              <button type="button" className="btn-link" onClick={reload}>
                Try again
              </button>
            )}
          </div>
        )}
        <OtherPicker
          id={id}
          otherId={otherId}
          icps={icps}
          onPick={(next) => go({ otherId: next })}
          onSwap={() => go({ id: otherId, otherId: id })}
        />
        {loading && !comparison && <p className="muted">Comparing…</p>}
        {comparison && (
          <ComparisonBody
            comparison={comparison}
            workspaceId={icp?.workspaceId ?? null}
            datasets={datasets}
            onDataset={(next) => go({ datasetId: next })}
          />
        )}
      </main>
    </div>
  );
}

interface OtherPickerProps {
  id: string;
  otherId: string;
  icps: readonly IcpListItemDto[] | null;
  onPick: (otherId: string) => void;
  onSwap: () => void;
}

/** Which ICP this one is compared with, and the swap of the two sides. */
function OtherPicker({ id, otherId, icps, onPick, onSwap }: OtherPickerProps) {
  const selectId = useId();
  const others = (icps ?? []).filter((icp) => icp.id !== id);
  const known = others.some((icp) => icp.id === otherId);
  return (
    <div className="compare-pickers icp-compare-pickers">
      <label htmlFor={selectId} className="field-label">
        Compare with
      </label>
      <select
        id={selectId}
        className="input input-sm"
        value={known ? otherId : ''}
        disabled={others.length === 0}
        onChange={(e) => e.target.value && onPick(e.target.value)}
      >
        {!known && <option value="">{icps ? 'Pick an ICP…' : 'Loading…'}</option>}
        {others.map((icp) => (
          <option key={icp.id} value={icp.id}>
            {icp.title}
            {icp.kind === 'negative' ? ` (${KIND_TEXT.negative.badge})` : icp.primary ? ' (Primary)' : ''}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="btn btn-sm"
        onClick={onSwap}
        title="Put the right-hand ICP on the left"
      >
        <span aria-hidden="true">⇄</span> Swap sides
      </button>
    </div>
  );
}

interface ComparisonBodyProps {
  comparison: IcpComparisonDto;
  workspaceId: string | null;
  datasets: Parameters<typeof AccountsOverlapCard>[0]['datasets'];
  onDataset: (datasetId: string) => void;
}

function ComparisonBody({ comparison, workspaceId, datasets, onDataset }: ComparisonBodyProps) {
  const verdict = verdictWording(comparison);
  // The server leaves out agreement with a negative ICP (compareIcps).
  const { conflicts } = comparison;
  const conflictsId = useId();
  return (
    <>
      <div className="icp-compare-sides">
        <SideCard side="a" icp={comparison.a} />
        <span className="icp-compare-vs" aria-hidden="true">
          vs
        </span>
        <SideCard side="b" icp={comparison.b} />
      </div>
      <section
        className={`icp-verdict icp-verdict-${verdict.tone}`}
        aria-label="Verdict"
        data-testid="icp-verdict"
        data-verdict={comparison.verdict}
      >
        <p className="icp-verdict-headline">{verdict.headline}</p>
        {verdict.detail && <p className="icp-verdict-detail">{verdict.detail}</p>}
      </section>
      {conflicts.length > 0 && (
        <section
          className="icp-compare-card icp-conflicts"
          aria-labelledby={conflictsId}
          data-testid="icp-conflicts"
        >
          <h2 id={conflictsId}>{conflictsTitle(comparison)}</h2>
          <ul>
            {conflicts.map((conflict, index) => (
              <li key={`${conflict.icp}-${conflict.section}-${conflict.criterion}-${index}`}>
                <span className="icp-conflict-mark" aria-hidden="true">
                  !
                </span>
                {conflictWording(conflict, comparison)}
              </li>
            ))}
          </ul>
        </section>
      )}
      <CriteriaComparison comparison={comparison} />
      <AccountsOverlapCard
        comparison={comparison}
        workspaceId={workspaceId}
        datasets={datasets}
        onDataset={onDataset}
      />
    </>
  );
}

/** One side: its kind, its title (a link to it) and its badges. */
function SideCard({ side, icp }: { side: 'a' | 'b'; icp: IcpComparisonDto['a'] }) {
  return (
    <div
      className={`icp-compare-side icp-compare-side-${side} ${icp.kind === 'negative' ? 'icp-compare-side-negative' : ''}`}
      data-testid={`icp-compare-side-${side}`}
    >
      <p className="icp-compare-side-kicker">{KIND_TEXT[icp.kind].label}</p>
      <p className="icp-compare-side-title">
        <Link className="link" to={`/icp/${encodeURIComponent(icp.id)}`}>
          {icp.title}
        </Link>
        <IcpKindBadges icp={icp} />
      </p>
    </div>
  );
}
