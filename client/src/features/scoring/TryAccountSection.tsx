import { useEffect, useId, useMemo, useState } from 'react';
import { createScorer } from '@bullseye/shared';
import { useInsights } from '../insights/insightsContext.js';
import { useReview } from '../review/reviewContext.js';
import { AccountForm } from './AccountForm.js';
import {
  EMPTY_ACCOUNT,
  accountDraftOf,
  isBlankAccount,
  loadAccountDraft,
  readAccountDraft,
  saveAccountDraft,
} from './accountDraft.js';
import { ApprovedScore } from './ApprovedScore.js';
import { DatasetAccountPicker } from './DatasetAccountPicker.js';
import { FitScore } from './FitScore.js';
import { GradeThresholdsEditor } from './GradeThresholdsEditor.js';
import { ScoreExplanation } from './ScoreExplanation.js';
import { useApprovedModel } from './useApprovedModel.js';
import { useDraftScoringModel } from './useDraftScoringModel.js';
import '../../styles/insights.css';
import '../../styles/scoring.css';

/**
 * The top of the Score tab: the grade thresholds, and "Try an account": type what is known of a
 * company (or pick one from a dataset) and see its fit score, grade and explanation against the
 * live draft, scored in the browser, so they change as anyone edits; beside it the approved
 * version's score, what other systems get. The account is kept per ICP for this browser tab.
 */
export function TryAccountSection() {
  const { doc, canEdit, readyDatasets } = useInsights();
  const { icp, review } = useReview();
  const model = useDraftScoringModel(doc);
  const scorer = useMemo(() => createScorer(model), [model]);
  const [draft, setDraft] = useState(() => loadAccountDraft(icp.id));
  const reading = useMemo(() => readAccountDraft(draft), [draft]);
  const blank = isBlankAccount(draft);
  const result = useMemo(() => (blank ? null : scorer.score(reading.account)), [blank, scorer, reading]);
  const approved = useApprovedModel(icp.id, review.approved?.versionId ?? null);
  const titleId = useId();
  const hasCriteria = model.criteria.length > 0 || model.disqualifiers.length > 0;

  useEffect(() => saveAccountDraft(icp.id, draft), [icp.id, draft]);

  return (
    <>
      <GradeThresholdsEditor doc={doc} readOnly={!canEdit} />
      <section className="data-card try-account" aria-labelledby={titleId} data-testid="try-account">
        <div className="data-card-head">
          <h3 id={titleId}>Try an account</h3>
          {!blank && (
            <button type="button" className="btn-link small" onClick={() => setDraft(EMPTY_ACCOUNT)}>
              Clear
            </button>
          )}
        </div>
        <p className="muted small data-card-intro">
          Enter what you know about a company, or pick one from a dataset: its fit with the draft follows
          every edit, yours or anyone’s. Fields left empty are unknown, neither a match nor a miss.
        </p>
        <DatasetAccountPicker
          datasets={readyDatasets}
          onPick={(account, dataset) => setDraft(accountDraftOf(account, dataset.name))}
        />
        {draft.picked && (
          <p className="picked-account small">
            <strong>{draft.picked.name}</strong> <span className="muted">from {draft.picked.dataset}</span>
          </p>
        )}
        <AccountForm
          draft={draft}
          onChange={setDraft}
          problems={reading.problems}
          icpCurrency={model.revenueCurrency}
        />
        {!hasCriteria ? (
          <p className="muted small score-empty">
            The draft has nothing to score on yet: add industries, a company size or revenue band, geographies
            or technologies.
          </p>
        ) : result ? (
          <div className="try-result">
            <FitScore result={result} thresholds={model.thresholds} />
            <ApprovedScore
              approved={approved}
              account={reading.account}
              draftHash={model.hash}
              draftScore={result.score}
            />
            <ScoreExplanation result={result} model={model} />
          </div>
        ) : (
          <p className="muted small score-empty">The score and why appear here as you type.</p>
        )}
      </section>
    </>
  );
}
