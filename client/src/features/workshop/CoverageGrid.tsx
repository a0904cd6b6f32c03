import { useMemo } from 'react';
import { FunctionColumnHeads } from '../functions/FunctionColumnHeads.js';
import { FUNCTION_LABELS, FUNCTIONS } from '@bullseye/shared';
import { coverageView, type CoverageCell } from './coverageFlags.js';
import { useWorkshop } from './workshopContext.js';

/**
 * Function coverage, live: who is in the room by function, and per section what each function
 * contributed (edits, notes, votes). Sections only one function touched and functions that have
 * contributed nothing are flagged (the "ivory tower" profile).
 */
export function CoverageGrid() {
  const { workshop, presentUserIds } = useWorkshop();
  const view = useMemo(
    () => (workshop ? coverageView(workshop.coverage, workshop.participants, presentUserIds) : null),
    [workshop, presentUserIds],
  );
  if (!workshop || !view) return null;
  const current = new Set(workshop.steps[workshop.currentStep]?.sections ?? []);
  return (
    <section className="coverage" aria-labelledby="coverage-title" data-testid="workshop-coverage">
      <h3 id="coverage-title" className="workshop-subhead">
        Function coverage
      </h3>
      <ul className="coverage-functions" aria-label="Functions in the room">
        {FUNCTIONS.map((fn) => {
          const here = view.present.includes(fn);
          const joined = !view.missing.includes(fn);
          return (
            <li
              key={fn}
              className={`coverage-fn ${here ? 'coverage-fn-here' : ''}`}
              data-testid={`coverage-function-${fn}`}
              data-present={String(here)}
            >
              <span className={`fn-dot fn-${fn}`} aria-hidden="true" />
              {FUNCTION_LABELS[fn]}
              <span className="muted small">
                {here ? ' · here now' : joined ? ' · joined, away' : ' · not here'}
              </span>
            </li>
          );
        })}
      </ul>
      {view.silent.length > 0 && (
        <p className="coverage-warning small" data-testid="coverage-silent">
          No contribution yet from {view.silent.map((fn) => FUNCTION_LABELS[fn]).join(', ')}.
        </p>
      )}
      <div className="coverage-table-wrap">
        <table className="coverage-table">
          <caption className="visually-hidden">
            Contributions per section and function: edits, notes, votes
          </caption>
          <thead>
            <tr>
              <th scope="col">Section</th>
              <FunctionColumnHeads />
            </tr>
          </thead>
          <tbody>
            {view.rows.map((row) => (
              <tr
                key={row.section}
                className={`${row.singleFunction ? 'coverage-single' : ''} ${current.has(row.section) ? 'coverage-current' : ''}`}
                data-section={row.section}
              >
                <th scope="row">
                  {row.title}
                  {row.singleFunction && (
                    <span className="coverage-flag" title="Only one function contributed to this section">
                      {' '}
                      · one function only
                    </span>
                  )}
                </th>
                {row.cells.map((cell) => (
                  <td key={cell.function} title={cellTitle(cell)}>
                    {cell.total > 0 ? cell.total : <span className="muted">·</span>}
                    <span className="visually-hidden">{cellTitle(cell)}</span>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function cellTitle(cell: CoverageCell): string {
  if (cell.total === 0) return `${FUNCTION_LABELS[cell.function]}: nothing yet`;
  return `${FUNCTION_LABELS[cell.function]}: ${cell.edits} edits, ${cell.notes} notes, ${cell.votes} votes`;
}
