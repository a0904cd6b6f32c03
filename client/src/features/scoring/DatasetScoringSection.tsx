import { useEffect, useId, useState } from 'react';
import { Link } from 'react-router';
import { customerDataStatus } from '../insights/customerDataStatus.js';
import type { DatasetDto } from '@bullseye/shared';
import { formatCount } from '../insights/format.js';
import { useInsights } from '../insights/insightsContext.js';
import { useReview } from '../review/reviewContext.js';
import { ScoringResults } from './ScoringResults.js';
import { useDatasetScorings, type ScoringModelKind } from './useDatasetScorings.js';
import '../../styles/scoring.css';

const MODEL_WORDS: Record<ScoringModelKind, string> = {
  approved: 'the approved version',
  draft: 'the draft',
};

/**
 * "Score a dataset": every account of a dataset graded with the approved version or the draft,
 * stored, with the grade distribution, the backtest against won and lost deals (both side by side
 * once both exist), the top accounts per grade and a CSV of every score.
 */
export function DatasetScoringSection() {
  const {
    datasets,
    datasetsError,
    readyDatasets,
    reloadDatasets,
    dataset: teamDataset,
    workspaceId,
  } = useInsights();
  const { icp, review } = useReview();
  const [pickedId, setPickedId] = useState<string | null>(null);
  const titleId = useId();

  // Opening the tab looks again: a dataset may have been imported since the editor opened.
  useEffect(reloadDatasets, [reloadDatasets]);

  // Looking at another dataset here does not move the team's definition (the Data tab does that).
  const dataset = readyDatasets.find((d) => d.id === pickedId) ?? teamDataset;
  const scorings = useDatasetScorings(icp.id, dataset?.id ?? null);
  const dataPath = `/w/${workspaceId}/data`;

  let body;
  if (datasets === null) {
    body = customerDataStatus(datasetsError, reloadDatasets);
  } else if (!dataset) {
    body = (
      <p className="small">
        Import an export of your CRM accounts to grade every one of them with this ICP.{' '}
        <Link to={dataPath} className="link">
          Go to Customer data
        </Link>
      </p>
    );
  } else {
    body = (
      <ScoreControls
        dataset={dataset}
        datasets={readyDatasets}
        onPick={setPickedId}
        dataPath={dataPath}
        approvedNumber={review.approved?.number ?? null}
        scorings={scorings}
      />
    );
  }

  return (
    <>
      <section className="data-card dataset-scoring" aria-labelledby={titleId} data-testid="dataset-scoring">
        <h3 id={titleId}>Score a dataset</h3>
        <p className="muted small data-card-intro">
          Grade every account of a dataset from A to D, and check the grades against the deals you won and
          lost.
        </p>
        {body}
      </section>
      {dataset && <ScoringResults dataset={dataset} scorings={scorings} />}
    </>
  );
}

interface ScoreControlsProps {
  dataset: DatasetDto;
  datasets: DatasetDto[];
  onPick: (datasetId: string) => void;
  dataPath: string;
  approvedNumber: number | null;
  scorings: ReturnType<typeof useDatasetScorings>;
}

function ScoreControls({
  dataset,
  datasets,
  onPick,
  dataPath,
  approvedNumber,
  scorings,
}: ScoreControlsProps) {
  const id = useId();
  const { running, runError, score } = scorings;
  const noApproved = approvedNumber === null || runError?.error.code === 'no_approved_version';
  return (
    <div className="dataset-scoring-controls">
      <div className="data-picker-row">
        <label htmlFor={id} className="field-label">
          Dataset to score
        </label>
        <Link to={dataPath} className="link small">
          Customer data
        </Link>
      </div>
      <select
        id={id}
        className="input input-sm"
        value={dataset.id}
        disabled={running !== null}
        onChange={(e) => onPick(e.target.value)}
      >
        {datasets.map((d) => (
          <option key={d.id} value={d.id}>
            {d.sample && !/\bsample\b/i.test(d.name) ? `${d.name} (Sample)` : d.name}
          </option>
        ))}
      </select>
      <p className="muted small">
        {formatCount(dataset.accountCount)} accounts · revision {dataset.revision}
      </p>
      <div className="row wrap dataset-scoring-buttons">
        <button
          type="button"
          className="btn btn-sm btn-primary"
          disabled={running !== null || approvedNumber === null}
          onClick={() => score('approved')}
        >
          {running === 'approved' ? 'Scoring…' : 'Score with approved version'}
        </button>
        <button
          type="button"
          className="btn btn-sm"
          disabled={running !== null}
          onClick={() => score('draft')}
        >
          {running === 'draft' ? 'Scoring…' : 'Score with draft'}
        </button>
      </div>
      {running && (
        <div className="scoring-progress" role="status">
          <span className="scoring-progress-bar" aria-hidden="true" />
          Scoring {formatCount(dataset.accountCount)} accounts with {MODEL_WORDS[running]}…
          {dataset.accountCount > 100_000 && ' This takes a few seconds.'}
        </div>
      )}
      {noApproved && !running && (
        <p
          className={runError ? 'scoring-note scoring-note-error' : 'scoring-note'}
          role={runError ? 'alert' : undefined}
        >
          No version of this ICP is approved yet: a leader approves one in the Review tab once every function
          has signed off. Until then, score the draft.
        </p>
      )}
      {runError && runError.error.code !== 'no_approved_version' && !running && (
        <div className="comment-error" role="alert">
          <span className="grow">
            Scoring with {MODEL_WORDS[runError.kind]} failed: {runError.error.message}
          </span>
          <button type="button" className="btn btn-sm" onClick={() => score(runError.kind)}>
            Try again
          </button>
        </div>
      )}
    </div>
  );
}
