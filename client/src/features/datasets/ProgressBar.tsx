/**
 * A labelled progress bar (role progressbar with aria-valuenow in percent, and the full sentence as
 * aria-valuetext). `value` null draws a moving bar for "working, amount unknown".
 */
export function ProgressBar({ label, value, text }: { label: string; value: number | null; text?: string }) {
  return (
    <div
      className={`ds-progress ${value === null ? 'ds-progress-indeterminate' : ''}`}
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={value ?? undefined}
      aria-valuetext={text}
    >
      <div className="ds-progress-fill" style={value === null ? undefined : { width: `${value}%` }} />
    </div>
  );
}
