import { useEffect, useId } from 'react';
import { Link } from 'react-router';
import { customerDataStatus } from './customerDataStatus.js';
import { BestCustomersEditor } from './BestCustomersEditor.js';
import { CoverageSection } from './CoverageSection.js';
import { formatCount } from './format.js';
import { useInsights } from './insightsContext.js';
import { InsightsSection } from './InsightsSection.js';
import '../../styles/insights.css';

/**
 * The Data tab of the editor's panel: which dataset, who the best customers are (the team's
 * definition, live in the ICP), what sets them apart (insights, one click to a criterion with its
 * evidence) and how much of them the draft's criteria cover.
 */
export function DataPanel() {
  const { activate, reloadDatasets, datasets, datasetsError, readyDatasets, workspaceId } = useInsights();

  useEffect(activate, [activate]);
  // Opening the tab looks again: a dataset may have been imported since the editor opened.
  useEffect(reloadDatasets, [reloadDatasets]);

  const dataPath = `/w/${workspaceId}/data`;
  let body;
  if (datasets === null) {
    body = customerDataStatus(datasetsError, reloadDatasets);
  } else if (readyDatasets.length === 0) {
    const importing = datasets.filter((d) => d.state === 'importing');
    body = (
      <div className="data-card data-empty" data-testid="data-empty">
        <h3>Start from your best customers</h3>
        <p>
          An ICP starts from your best existing customers: the ones with the highest lifetime value, who stay
          and recommend you. Import an export of your CRM accounts (industry, size, country, status, lifetime
          value, NPS…) and Bullseye shows which traits set those customers apart, with the numbers behind each
          criterion.
        </p>
        <p className="muted small">
          Data keeps a workshop honest: opinions become criteria with a lift, a sample size and a win rate
          that anyone can check.
        </p>
        {importing.length > 0 && (
          <p className="small" role="status">
            {importing.map((d) => `“${d.name}”`).join(', ')} {importing.length === 1 ? 'is' : 'are'} still
            importing.
          </p>
        )}
        <Link to={dataPath} className="btn btn-primary btn-sm">
          Go to Customer data
        </Link>
        <p className="muted small">No export at hand? Load the sample dataset there to try it.</p>
      </div>
    );
  } else {
    body = (
      <>
        <DatasetPicker dataPath={dataPath} />
        <BestCustomersEditor />
        <CoverageSection />
        <InsightsSection />
      </>
    );
  }

  return (
    <div className="data-panel" data-testid="data-panel">
      {body}
    </div>
  );
}

function DatasetPicker({ dataPath }: { dataPath: string }) {
  const { readyDatasets, dataset, definition, definitionDatasetMissing, chooseDataset, canEdit } =
    useInsights();
  const id = useId();
  const teamDataset =
    definition && !definitionDatasetMissing ? readyDatasets.find((d) => d.id === definition.datasetId) : null;
  const lookingElsewhere = !canEdit && teamDataset && dataset && teamDataset.id !== dataset.id;
  return (
    <div className="data-picker">
      <div className="data-picker-row">
        <label htmlFor={id} className="field-label">
          Dataset
        </label>
        <Link to={dataPath} className="link small">
          Customer data
        </Link>
      </div>
      <div className="row">
        <select
          id={id}
          className="input input-sm grow"
          value={dataset?.id ?? ''}
          onChange={(e) => chooseDataset(e.target.value)}
        >
          {readyDatasets.map((d) => (
            <option key={d.id} value={d.id}>
              {d.sample && !/\bsample\b/i.test(d.name) ? `${d.name} (Sample)` : d.name}
            </option>
          ))}
        </select>
        {dataset?.sample && (
          <span className="badge badge-sample" title="Generated sample accounts, not your customers">
            Sample
          </span>
        )}
      </div>
      {dataset && (
        <p className="muted small" data-testid="dataset-facts">
          {formatCount(dataset.accountCount)} accounts · revision {dataset.revision}
          {dataset.sample && ' · generated sample accounts: fine to try things out, not to decide on'}
        </p>
      )}
      {canEdit && definition && !definitionDatasetMissing && readyDatasets.length > 1 && (
        <p className="muted small">
          The team’s definition uses this dataset; changing it changes it for everyone.
        </p>
      )}
      {lookingElsewhere && (
        <p className="muted small">
          You are looking at another dataset; the team’s definition uses “{teamDataset.name}”.
        </p>
      )}
    </div>
  );
}
