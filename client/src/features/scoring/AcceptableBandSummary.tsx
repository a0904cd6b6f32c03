import type { RangeSection, RangeValue } from '@bullseye/shared';
import { rangeSummary } from '../../editor/rangeSummary.js';
import '../../styles/scoring.css';

interface AcceptableBandSummaryProps {
  /** A range with its acceptable band (nothing shows without one). */
  range: RangeValue;
  section: RangeSection;
  testId?: string;
}

/** "Acceptable 100 – 5K employees (half points)", for read-only pages and versions. */
export function AcceptableBandSummary({ range, section, testId }: AcceptableBandSummaryProps) {
  if (!range.acceptable) return null;
  return (
    <p className="acceptable-summary" data-testid={testId}>
      <span className="acceptable-label">Acceptable</span>{' '}
      {rangeSummary({ ...range.acceptable, currency: range.currency }, section)}{' '}
      <span className="muted small">(half points)</span>
    </p>
  );
}
