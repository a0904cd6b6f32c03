/** The editor top bar's "History" button: opens the History tab of the panel. */
export function HistoryToggle({
  expanded,
  controls,
  onClick,
}: {
  expanded: boolean;
  controls: string;
  onClick: () => void;
}) {
  return (
    <button
      type="button"
      className={`btn btn-sm history-toggle ${expanded ? 'comments-toggle-on' : ''}`}
      id="history-toggle"
      data-testid="history-toggle"
      aria-expanded={expanded}
      aria-controls={expanded ? controls : undefined}
      title="History: versions, compare, restore and export"
      onClick={onClick}
    >
      <svg viewBox="0 0 20 20" width="15" height="15" aria-hidden="true" focusable="false">
        <path
          d="M3.5 10a6.5 6.5 0 1 0 1.9-4.6M3.5 3.5v2.9h2.9M10 6.5V10l2.5 1.5"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.7"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      </svg>
      <span className="toggle-label">History</span>
    </button>
  );
}
