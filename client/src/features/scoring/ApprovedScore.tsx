import { useMemo } from 'react';
import { createScorer, type ScoringAccount } from '@bullseye/shared';
import { GradeLetter } from './GradeLetter.js';
import { sourceLabel } from './scoringFormat.js';
import type { ApprovedModel } from './useApprovedModel.js';

interface ApprovedScoreProps {
  approved: ApprovedModel & { retry: () => void };
  account: ScoringAccount;
  /** The live draft's model hash (equal hashes score alike) and its score of the account. */
  draftHash: string;
  draftScore: number | null;
}

/**
 * The same account scored with the approved version, the model other systems get from the API, so
 * the team sees what its draft changes before it is approved.
 */
export function ApprovedScore({ approved, account, draftHash, draftScore }: ApprovedScoreProps) {
  const answer = approved.state === 'ready' ? approved.answer : null;
  const scorer = useMemo(() => (answer ? createScorer(answer.model) : null), [answer]);
  const result = useMemo(() => scorer?.score(account) ?? null, [scorer, account]);

  let body;
  if (approved.state === 'loading') {
    body = <span className="muted">Loading the approved version…</span>;
  } else if (approved.state === 'none') {
    body = <span className="muted">No version is approved yet: other systems have no score to use.</span>;
  } else if (approved.state === 'error') {
    body = (
      <>
        <span className="muted">The approved version’s score is unavailable: {approved.message}</span>{' '}
        <button type="button" className="btn-link" onClick={approved.retry}>
          Try again
        </button>
      </>
    );
  } else if (answer && result) {
    const note =
      answer.source.modelHash === draftHash
        ? 'The draft scores like the approved version.'
        : result.score === draftScore
          ? 'The draft has changed, not this account’s score.'
          : 'What other systems get until the draft is approved.';
    body = (
      <>
        <span className="approved-source">{sourceLabel(answer.source)}</span>
        <span className="approved-result">
          {result.score ?? '—'}
          {result.grade && <GradeLetter grade={result.grade} small />}
        </span>
        <span className="muted small approved-note">{note}</span>
      </>
    );
  }
  return (
    <p className={`approved-score approved-score-${approved.state}`} data-testid="approved-score">
      {body}
    </p>
  );
}
