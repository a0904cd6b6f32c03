import { useId, useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { GradeBucket, ScoreImpactDto, VersionDto } from '@bullseye/shared';
import { HashText } from '../../ui/HashText.js';
import { formatCount, formatShare } from '../insights/format.js';
import { GradeBadge } from './GradeBadge.js';
import {
  changedMoves,
  directionOf,
  matrixGrades,
  moveMatrix,
  summarizeMoves,
  type GradeMove,
} from './gradeMoves.js';
import { GRADE_LABEL } from './scoringFormat.js';
import { useDatasets } from '../datasets/useDatasets.js';
import { useScoreImpact } from './useScoreImpact.js';
import '../../styles/scoring.css';

interface ScoreImpactCardProps {
  icpId: string;
  workspaceId: string;
  /** The "before" version. */
  from: VersionDto;
  /** The "after" version; null for the live draft. */
  to: VersionDto | null;
}

/** Datasets up to this size are scored with both sides as soon as Compare opens; larger ones on request. */
const AUTOMATIC_IMPACT_ACCOUNTS = 100_000;

/**
 * "Score impact" in Compare: score a dataset's accounts with both sides and count how many change
 * grade (A→B, C→A …), with example accounts, so a change to the criteria is judged by what it does.
 */
export function ScoreImpactCard({ icpId, workspaceId, from, to }: ScoreImpactCardProps) {
  const titleId = useId();
  const pickerId = useId();
  const { datasets: all, error: datasetsError } = useDatasets(workspaceId);
  const datasets = useMemo(() => all?.filter((d) => d.state === 'ready') ?? null, [all]);
  const [pickedId, setPickedId] = useState<string | null>(null);
  const [requestedId, setRequestedId] = useState<string | null>(null);
  const dataset = datasets?.find((d) => d.id === pickedId) ?? datasets?.[0] ?? null;
  // Scoring a large dataset twice costs the server seconds: only when someone asks for it.
  const wanted = dataset && (dataset.accountCount <= AUTOMATIC_IMPACT_ACCOUNTS || requestedId === dataset.id);
  const { impact, loading, error } = useScoreImpact(
    icpId,
    wanted ? dataset.id : null,
    from.number,
    to?.number ?? 'draft',
  );
  const toWords = to ? `version ${to.number}` : 'the live draft';

  let body;
  if (datasets === null && datasetsError) {
    body = (
      <p className="field-error" role="alert">
        Customer data could not be loaded: {datasetsError.message}
      </p>
    );
  } else if (datasets === null) {
    body = (
      <p className="muted small" role="status">
        Loading customer data…
      </p>
    );
  } else if (!dataset) {
    body = (
      <p className="muted">
        Import an export of your CRM accounts to see how many of them change grade with this change.{' '}
        <Link className="link" to={`/w/${workspaceId}/data`}>
          Go to Customer data
        </Link>
      </p>
    );
  } else if (!wanted) {
    body = (
      <p className="muted">
        <button type="button" className="btn btn-sm" onClick={() => setRequestedId(dataset.id)}>
          Score {formatCount(dataset.accountCount)} accounts with both sides
        </button>{' '}
        It takes a few seconds on a dataset this large.
      </p>
    );
  } else if (error) {
    body = (
      <p className="field-error" role="alert">
        The score impact could not be computed: {error.message}
      </p>
    );
  } else if (loading || !impact) {
    body = (
      <p className="muted" role="status">
        Scoring {formatCount(dataset.accountCount)} accounts with both sides…
      </p>
    );
  } else {
    body = <ImpactResult impact={impact} />;
  }

  return (
    <section className="card score-impact" aria-labelledby={titleId} data-testid="score-impact">
      <div className="score-impact-head">
        <div>
          <h2 id={titleId}>Score impact</h2>
          <p className="muted small">
            How the fit grades of a dataset’s accounts change from version {from.number} to {toWords}.
          </p>
        </div>
        {datasets && datasets.length > 0 && dataset && (
          <div className="score-impact-picker">
            <label htmlFor={pickerId} className="field-label">
              Dataset
            </label>
            <select
              id={pickerId}
              className="input input-sm"
              value={dataset.id}
              onChange={(e) => setPickedId(e.target.value)}
            >
              {datasets.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>
      {body}
    </section>
  );
}

function ImpactResult({ impact }: { impact: ScoreImpactDto }) {
  const summary = summarizeMoves(impact.moves);
  const moves = changedMoves(impact.moves);
  const sameModel = impact.from.modelHash === impact.to.modelHash;
  return (
    <div className="score-impact-body">
      <p className="score-impact-headline" data-testid="score-impact-headline">
        <strong>
          {formatCount(impact.changed)} of {formatCount(impact.total)} accounts
        </strong>{' '}
        change grade{impact.total > 0 && ` (${formatShare(impact.changed / impact.total)})`}
        {impact.changed > 0 && (
          <span className="muted">
            {' '}
            · {formatCount(summary.up)} up · {formatCount(summary.down)} down
            {summary.data > 0 && ` · ${formatCount(summary.data)} gain or lose the data to be graded`}
          </span>
        )}
      </p>
      {sameModel && (
        <p className="muted small">
          Both sides compile to the same scoring model (<HashText hash={impact.to.modelHash} label="Model" />
          ): the changes do not touch what decides a score.
        </p>
      )}
      {impact.changed > 0 && (
        <div className="score-impact-grid">
          <MoveMatrix moves={impact.moves} />
          <ul className="score-impact-moves" aria-label="Grade changes">
            {moves.map((move) => (
              <MoveItem key={`${move.from}>${move.to}`} move={move} />
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

function MoveMatrix({ moves }: { moves: readonly GradeMove[] }) {
  const grades = matrixGrades(moves);
  const cell = moveMatrix(moves);
  return (
    <table className="impact-matrix" aria-label="Accounts by grade, before and after">
      <thead>
        <tr>
          <th scope="col">
            <span className="visually-hidden">Before, after</span>
            <span aria-hidden="true">Before ↓ After →</span>
          </th>
          {grades.map((grade) => (
            <th key={grade} scope="col">
              <GradeBadge grade={grade} />
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {grades.map((from) => (
          <tr key={from}>
            <th scope="row">
              <GradeBadge grade={from} />
            </th>
            {grades.map((to) => {
              const count = cell(from, to);
              return (
                <td
                  key={to}
                  className={count ? `impact-cell impact-${directionOf({ from, to })}` : 'impact-cell'}
                >
                  <span className="visually-hidden">{moveWords(from, to)}: </span>
                  {count ? formatCount(count) : <span aria-hidden="true">·</span>}
                  {!count && <span className="visually-hidden">0</span>}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function moveWords(from: GradeBucket, to: GradeBucket): string {
  return from === to ? `stay ${GRADE_LABEL[from]}` : `${GRADE_LABEL[from]} to ${GRADE_LABEL[to]}`;
}

function MoveItem({ move }: { move: GradeMove }) {
  const direction = directionOf(move);
  return (
    <li className={`impact-move impact-move-${direction}`}>
      <span className="impact-move-grades">
        <GradeBadge grade={move.from} />
        <span aria-hidden="true">→</span>
        <span className="visually-hidden"> to </span>
        <GradeBadge grade={move.to} />
      </span>
      <span className="impact-move-body">
        <strong>
          {formatCount(move.count)} {move.count === 1 ? 'account' : 'accounts'}
        </strong>
        {move.examples.length > 0 && (
          <span className="impact-move-examples">
            {' '}
            e.g.{' '}
            {move.examples.map((example, i) => (
              <span key={example.accountId}>
                {i > 0 && ', '}
                <span dir="auto">
                  {example.name ?? example.domain ?? `Account ${example.accountId}`}
                </span>{' '}
                <span className="muted">
                  ({example.fromScore ?? '—'} → {example.toScore ?? '—'})
                </span>
              </span>
            ))}
          </span>
        )}
      </span>
    </li>
  );
}
