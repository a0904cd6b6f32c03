import type { SectionDiff } from '@bullseye/shared';
import { DiffSectionCard } from '../versions/DiffSectionCard.js';
import { titledDiffs } from '../versions/diffDisplay.js';

/** What changed in the ICP from the start of the session to its end, as the Compare page shows it. */
export function SummaryChanges({ changes }: { changes: readonly SectionDiff[] }) {
  const diffs = titledDiffs(changes);
  return (
    <section className="card summary-card" aria-labelledby="summary-changes">
      <h2 id="summary-changes">
        What changed in the ICP ({diffs.length} {diffs.length === 1 ? 'section' : 'sections'})
      </h2>
      {diffs.length === 0 ? (
        <p className="muted">The ICP was not changed during the workshop.</p>
      ) : (
        <div className="diff-sections">
          {diffs.map((item) => (
            <DiffSectionCard key={item.diff.key} item={item} />
          ))}
        </div>
      )}
    </section>
  );
}
