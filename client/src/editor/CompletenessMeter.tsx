import { findSection, type SectionCompleteness } from '@bullseye/shared';

/** How much of the profile is done, and the next thing to work on. */
export function CompletenessMeter({
  percent,
  sections,
}: {
  percent: number;
  sections: SectionCompleteness[];
}) {
  const next = sections.find((s) => s.status !== 'complete');
  const nextTitle = next ? findSection(next.key)?.title : undefined;
  return (
    <div className="completeness" data-testid="completeness" data-percent={percent}>
      <div
        className="meter"
        role="meter"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-label="ICP completeness"
      >
        <div className="meter-fill" style={{ width: `${percent}%` }} />
      </div>
      <span className="small">
        <strong>{percent}%</strong> complete
        {next && nextTitle && (
          <span className="muted">
            {' '}
            · Next:{' '}
            <a href={`#section-${next.key}`} className="link">
              {nextTitle}
            </a>
            {next.advice ? ` (${next.advice})` : ''}
          </span>
        )}
      </span>
    </div>
  );
}
