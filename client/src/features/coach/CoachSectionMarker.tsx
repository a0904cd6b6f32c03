import { useEffect, useId, useRef, useState } from 'react';
import type { SectionDefinition } from '@bullseye/shared';
import { useSidePanel } from '../../editor/sidePanelContext.js';
import { useCoachOptional } from './coachContext.js';
import { CoachFindingItem } from './CoachFindingItem.js';
import { countBySeverity, countsText } from './coachView.js';
import { revealChecklist } from './revealSection.js';
import { CoachIcon } from './CoachSummaryButton.js';

/**
 * In a section's header: how many open coach findings the section has; pressing it shows them
 * (what is wrong, how to fix it) right there, with the way to the whole checklist.
 */
export function CoachSectionMarker({ section }: { section: SectionDefinition }) {
  const coach = useCoachOptional();
  const panel = useSidePanel();
  const [open, setOpen] = useState(false);
  const wrapper = useRef<HTMLDivElement>(null);
  const popoverId = useId();
  const items = coach?.openBySection.get(section.key) ?? [];

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!wrapper.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  if (items.length === 0) return null;
  const counts = countBySeverity(items);
  const tone = counts.warnings ? 'warning' : 'hint';
  return (
    <div
      ref={wrapper}
      className="coach-marker-wrap"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.stopPropagation();
          setOpen(false);
          wrapper.current?.querySelector('button')?.focus();
        }
      }}
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <button
        type="button"
        className={`coach-marker coach-marker-${tone}`}
        data-testid={`coach-section-marker-${section.key}`}
        aria-expanded={open}
        aria-controls={popoverId}
        aria-label={`Coach: ${countsText(counts)} in ${section.title}`}
        title={`Coach: ${countsText(counts)}`}
        onClick={() => setOpen((o) => !o)}
      >
        <CoachIcon size={12} />
        {items.length}
      </button>
      {open && (
        <div id={popoverId} className="coach-popover" role="region" aria-label={`Coach on ${section.title}`}>
          <ul className="coach-list">
            {items.map((item) => (
              <CoachFindingItem key={item.key} finding={item.finding} showSection={false} />
            ))}
          </ul>
          <button
            type="button"
            className="btn-link coach-action"
            onClick={() => {
              setOpen(false);
              panel.show('review');
              revealChecklist();
            }}
          >
            Open the checklist
          </button>
        </div>
      )}
    </div>
  );
}
