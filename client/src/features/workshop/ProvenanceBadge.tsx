import type { Provenance } from '@bullseye/shared';
import { formatDate } from '../../ui/dateFormat.js';

/** "From the workshop · proposed by Ana · 4 votes": the origin of a criterion a workshop promoted. */
export function provenanceText(provenance: Provenance): string {
  const votes = `${provenance.votes} ${provenance.votes === 1 ? 'vote' : 'votes'}`;
  return `From the workshop · proposed by ${provenance.proposedBy.name} · ${votes}`;
}

/** A small marker beside a promoted criterion; its text is the tooltip and the accessible name. */
export function ProvenanceBadge({ provenance }: { provenance: Provenance }) {
  const text = provenanceText(provenance);
  return (
    <span
      className="provenance-badge"
      role="img"
      aria-label={text}
      title={`${text} · ${formatDate(provenance.at)}`}
      data-testid="provenance-badge"
    >
      <svg viewBox="0 0 16 16" width="11" height="11" aria-hidden="true" focusable="false">
        <circle cx="8" cy="8" r="6" fill="none" stroke="currentColor" strokeWidth="1.8" />
        <circle cx="8" cy="8" r="2.2" fill="currentColor" />
      </svg>
      {provenance.votes}
    </span>
  );
}
