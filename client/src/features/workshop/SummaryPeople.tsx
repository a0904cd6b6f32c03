import { FUNCTION_LABELS, FUNCTIONS, type WorkshopSummaryDto } from '@bullseye/shared';

type Person = WorkshopSummaryDto['participants'][number];

/** Who took part, by function, and the members who were absent (they got the summary). */
export function SummaryPeople({ summary }: { summary: WorkshopSummaryDto }) {
  const groups = [...FUNCTIONS, null].map((fn) => ({
    fn,
    people: summary.participants.filter((p) => p.function === fn),
  }));
  return (
    <section className="card summary-card" aria-labelledby="summary-people">
      <h2 id="summary-people">Participants</h2>
      <dl className="summary-people">
        {groups.map(({ fn, people }) =>
          fn === null && people.length === 0 ? null : (
            <div key={fn ?? 'none'} className={people.length === 0 ? 'summary-missing' : ''}>
              <dt>
                {fn && <span className={`fn-dot fn-${fn}`} aria-hidden="true" />}{' '}
                {fn ? FUNCTION_LABELS[fn] : 'No function'}
              </dt>
              <dd>{people.length ? names(people) : 'Nobody: this function was not represented'}</dd>
            </div>
          ),
        )}
      </dl>
      {summary.absent.length > 0 && (
        <p className="muted small" data-testid="summary-absent">
          Absent (sent this summary): {names(summary.absent)}
        </p>
      )}
    </section>
  );
}

function names(people: readonly Person[]): string {
  return people.map((p) => p.name).join(', ');
}
