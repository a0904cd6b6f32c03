import { FUNCTION_LABELS, FUNCTIONS } from '@bullseye/shared';
import { useMemo } from 'react';
import { FunctionColumnHeads } from '../functions/FunctionColumnHeads.js';
import { useCoach } from './coachContext.js';
import { contributionsMapView } from './contributionsMap.js';

/**
 * Who contributed to this ICP, as a small map: per section, the edits and comments of each function,
 * and the sign-offs each gave with a reason. Sections one function wrote alone, and functions that
 * have said nothing yet, are flagged (the ivory-tower profile).
 */
export function ContributionsMap() {
  const { contributions } = useCoach();
  const view = useMemo(() => (contributions ? contributionsMapView(contributions) : null), [contributions]);
  if (!view) return null;
  const nothing = view.rows.length === 0 && view.signOffReasons.every((n) => n === 0);
  return (
    <details className="coach-map" data-testid="coach-contributions-map">
      <summary>
        Who contributed
        {view.silent.length > 0 && !nothing && (
          <span className="coach-map-silent">
            {' '}
            · nothing yet from {view.silent.map((fn) => FUNCTION_LABELS[fn]).join(', ')}
          </span>
        )}
      </summary>
      {nothing ? (
        <p className="muted small">
          Nobody who represents a function has edited, commented or signed off yet. Set each member&apos;s
          function on the Members page so the coach can tell who wrote what.
        </p>
      ) : (
        <div className="coverage-table-wrap">
          <table className="coverage-table">
            <caption className="visually-hidden">
              Edits and comments per section and function, and sign-offs with a reason
            </caption>
            <thead>
              <tr>
                <th scope="col">Section</th>
                <FunctionColumnHeads />
              </tr>
            </thead>
            <tbody>
              {view.rows.map((row) => (
                <tr key={row.section} className={row.singleFunction ? 'coverage-single' : ''}>
                  <th scope="row">
                    {row.title}
                    {row.singleFunction && <span className="coverage-flag"> · one function only</span>}
                  </th>
                  {row.counts.map((n, i) => (
                    <td key={FUNCTIONS[i]} className={n > 0 ? 'coach-map-hit' : 'muted'}>
                      {n > 0 ? n : '·'}
                    </td>
                  ))}
                </tr>
              ))}
              <tr className="coach-map-signoffs">
                <th scope="row">Sign-offs with a reason</th>
                {view.signOffReasons.map((n, i) => (
                  <td key={FUNCTIONS[i]} className={n > 0 ? 'coach-map-hit' : 'muted'}>
                    {n > 0 ? n : '·'}
                  </td>
                ))}
              </tr>
            </tbody>
          </table>
          {view.untouched.length > 0 && (
            <p className="muted small coach-map-untouched">Not touched yet: {view.untouched.join(', ')}.</p>
          )}
        </div>
      )}
    </details>
  );
}
