import { useEffect, useId } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { ICP_SECTIONS, type IcpDto, type VersionDto } from '@bullseye/shared';
import { useIcp } from '../../editor/useIcp.js';
import { ScoreImpactCard } from '../scoring/ScoreImpactCard.js';
import { CompareSide } from './CompareSide.js';
import { DiffSectionCard } from './DiffSectionCard.js';
import { titledDiffs } from './diffDisplay.js';
import { useDiff } from './useDiff.js';
import { useVersionsOnce } from './useVersionsOnce.js';
import { versionTitle } from './versionLabel.js';
import { editorPath } from './versionPaths.js';
import { VersionsTopbar } from './VersionsTopbar.js';

/**
 * `/icp/:id/compare?from=<versionId>&to=<versionId|draft>`: what changed between two versions, or
 * between a version and the live draft, section by section in the page's order.
 */
export function ComparePage() {
  const { id = '' } = useParams();
  const { icp, error: icpError } = useIcp(id);
  const [params, setParams] = useSearchParams();
  const from = params.get('from');
  const to = params.get('to') || 'draft';
  const { versions, error: versionsError } = useVersionsOnce(id);
  const { diff, error, loading } = useDiff(id, from, to);

  useEffect(() => {
    if (icp) document.title = `Compare · ${icp.title} · Bullseye`;
  }, [icp]);

  const choose = (next: { from?: string; to?: string }) =>
    setParams({ from: next.from ?? from ?? '', to: next.to ?? to }, { replace: true });

  const failure = icpError ?? versionsError;
  const byId = new Map((versions ?? []).map((v) => [v.id, v]));
  const fromVersion = from ? (byId.get(from) ?? null) : null;
  const toVersion = to === 'draft' ? null : (byId.get(to) ?? null);
  const diffs = diff ? titledDiffs(diff.sections) : [];

  return (
    <div className="app-shell">
      <VersionsTopbar icp={icp}>
        <span className="crumb-current" aria-current="page">
          Compare
        </span>
      </VersionsTopbar>
      <main className="page page-wide compare-page" data-testid="compare-view">
        <div className="page-head">
          <div>
            <h1>Compare versions</h1>
            <p className="muted">What changed, section by section: added in green, removed in red.</p>
          </div>
          {icp && (
            <Link className="btn" to={editorPath(icp.id)}>
              Back to the live draft
            </Link>
          )}
        </div>
        {failure && (
          <div className="banner banner-error banner-inline" role="alert">
            {failure.status === 404 ? 'This ICP does not exist, or you cannot see it.' : failure.message}
          </div>
        )}
        {icp && versions && <ComparePickers versions={versions} from={from} to={to} onChange={choose} />}
        {icp && from && (fromVersion || diff) && (
          <div className="compare-sides">
            <CompareSide
              icpId={icp.id}
              version={fromVersion}
              hash={diff?.from.hash ?? fromVersion?.hash ?? null}
              review={icp.review}
              role="from"
            />
            <span className="compare-arrow" aria-hidden="true">
              →
            </span>
            <CompareSide
              icpId={icp.id}
              version={toVersion}
              hash={diff?.to.hash ?? toVersion?.hash ?? null}
              review={icp.review}
              role="to"
            />
          </div>
        )}
        {!from && versions && <p className="muted">Pick the version to compare from.</p>}
        {loading && <p className="muted">Comparing…</p>}
        {error && (
          <div className="banner banner-error banner-inline" role="alert">
            {error.status === 404 ? 'One of these versions does not exist.' : error.message}
          </div>
        )}
        {diff?.changed && icp && fromVersion && (to === 'draft' || toVersion) && (
          <ScoreImpactCard icpId={icp.id} workspaceId={icp.workspaceId} from={fromVersion} to={toVersion} />
        )}
        {diff && icp && (
          <DiffResult diffs={diffs} changed={diff.changed} icp={icp} toDraft={to === 'draft'} />
        )}
      </main>
    </div>
  );
}

function DiffResult({
  diffs,
  changed,
  icp,
  toDraft,
}: {
  diffs: ReturnType<typeof titledDiffs>;
  changed: boolean;
  icp: IcpDto;
  toDraft: boolean;
}) {
  if (!changed || diffs.length === 0) {
    return (
      <div className="card empty compare-same" data-testid="no-differences">
        <h2>No differences</h2>
        <p className="muted">
          {toDraft
            ? 'The live draft has exactly the same content as this version.'
            : 'Both versions have exactly the same content.'}
        </p>
        <Link className="btn" to={editorPath(icp.id)}>
          Back to the live draft
        </Link>
      </div>
    );
  }
  return (
    <>
      <p className="compare-count" data-testid="compare-count">
        {diffs.length === 1 ? '1 section changed' : `${diffs.length} sections changed`}
        <span className="muted"> · {ICP_SECTIONS.length - diffs.length} unchanged</span>
      </p>
      <div className="diff-sections">
        {diffs.map((item) => (
          <DiffSectionCard key={item.diff.key} item={item} />
        ))}
      </div>
    </>
  );
}

interface ComparePickersProps {
  versions: readonly VersionDto[];
  from: string | null;
  to: string;
  onChange: (next: { from?: string; to?: string }) => void;
}

function ComparePickers({ versions, from, to, onChange }: ComparePickersProps) {
  const id = useId();
  const canSwap = from !== null && to !== 'draft';
  return (
    <div className="compare-pickers">
      <label htmlFor={`${id}-from`} className="field-label">
        From
      </label>
      <select
        id={`${id}-from`}
        className="input input-sm"
        value={from ?? ''}
        onChange={(e) => onChange({ from: e.target.value })}
      >
        {!from && <option value="">Pick a version…</option>}
        {versions.map((v) => (
          <option key={v.id} value={v.id}>
            {versionTitle(v)}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-to`} className="field-label">
        To
      </label>
      <select
        id={`${id}-to`}
        className="input input-sm"
        value={to}
        onChange={(e) => onChange({ to: e.target.value })}
      >
        <option value="draft">Live draft</option>
        {versions.map((v) => (
          <option key={v.id} value={v.id}>
            {versionTitle(v)}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="btn btn-sm"
        disabled={!canSwap}
        title={canSwap ? 'Swap before and after' : 'The live draft can only be the "after" side'}
        onClick={() => from && onChange({ from: to, to: from })}
      >
        ⇄ Swap
      </button>
    </div>
  );
}
