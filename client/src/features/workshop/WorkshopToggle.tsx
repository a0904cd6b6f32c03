import { useWorkshopOptional } from './workshopContext.js';

/** The editor top bar's "Workshop" button: opens the Workshop tab; marked live while a session runs. */
export function WorkshopToggle({
  expanded,
  controls,
  onClick,
}: {
  expanded: boolean;
  controls: string;
  onClick: () => void;
}) {
  const running = useWorkshopOptional()?.workshop != null;
  return (
    <button
      type="button"
      className={`btn btn-sm workshop-toggle ${expanded ? 'comments-toggle-on' : ''}`}
      id="workshop-toggle"
      data-testid="workshop-toggle"
      aria-expanded={expanded}
      aria-controls={expanded ? controls : undefined}
      title={running ? 'Workshop: a session is running' : 'Workshop: run a timeboxed ICP workshop'}
      onClick={onClick}
    >
      {running ? (
        <span className="workshop-live" aria-hidden="true" />
      ) : (
        <svg viewBox="0 0 20 20" width="15" height="15" aria-hidden="true" focusable="false">
          <path
            d="M3 4.5h14v8.5H3zM10 13v3.5M6.5 16.5h7"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.7"
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        </svg>
      )}
      <span className="toggle-label">Workshop</span>
      {running && <span className="visually-hidden"> (running)</span>}
    </button>
  );
}
