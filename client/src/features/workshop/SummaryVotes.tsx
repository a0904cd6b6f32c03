import { findSection, type WorkshopSummaryDto } from '@bullseye/shared';

/** What was added to the ICP (with who proposed it), each round's results, and what was left out. */
export function SummaryVotes({ summary }: { summary: WorkshopSummaryDto }) {
  return (
    <>
      <section className="card summary-card" aria-labelledby="summary-promoted">
        <h2 id="summary-promoted">Added to the ICP ({summary.promoted.length})</h2>
        {summary.promoted.length === 0 ? (
          <p className="muted">Nothing was added from the notes.</p>
        ) : (
          <ul className="plain-list summary-promoted" data-testid="summary-promoted">
            {summary.promoted.map((p, index) => (
              <li key={index}>
                <strong>{p.text}</strong>
                <span className="muted small">
                  {' '}
                  · {findSection(p.section)?.title ?? p.section} · proposed by {p.author.name} · {p.votes}{' '}
                  {p.votes === 1 ? 'vote' : 'votes'}
                </span>
              </li>
            ))}
          </ul>
        )}
        {summary.notPromoted > 0 && (
          <p className="muted small">
            {summary.notPromoted} {summary.notPromoted === 1 ? 'note was' : 'notes were'} not added.
          </p>
        )}
      </section>
      {summary.votes.length > 0 && (
        <section className="card summary-card" aria-labelledby="summary-votes">
          <h2 id="summary-votes">Vote results</h2>
          {summary.votes.map((round, index) => (
            <div key={index} className="summary-round">
              <h3>
                {round.stepTitle}
                {round.anonymous && <span className="muted small"> · anonymous</span>}
              </h3>
              <ol className="summary-results">
                {round.results.map((r, i) => (
                  <li key={i} className={r.promoted ? 'summary-result-promoted' : ''}>
                    <span className="summary-result-votes">{r.votes}</span>
                    <span className="grow">
                      {r.text}
                      <span className="muted small">
                        {' '}
                        · {findSection(r.section)?.title ?? r.section} · {r.author.name}
                      </span>
                    </span>
                    {r.promoted && <span className="badge badge-promoted">Added</span>}
                  </li>
                ))}
              </ol>
            </div>
          ))}
        </section>
      )}
    </>
  );
}
