import { useEffect, useRef } from 'react';
import { useWorkshop } from './workshopContext.js';

/**
 * While this person follows the facilitator, brings the current step's first section into view
 * whenever the step changes (and when they start following again). Renders nothing.
 */
export function FollowFacilitator() {
  const { workshop, following } = useWorkshop();
  const stepId = workshop ? (workshop.steps[workshop.currentStep]?.id ?? null) : null;
  const first = workshop?.steps[workshop.currentStep]?.sections[0] ?? null;
  const shown = useRef<string | null>(null);

  useEffect(() => {
    if (!following || !stepId || !first) {
      shown.current = null;
      return;
    }
    if (shown.current === stepId) return;
    shown.current = stepId;
    const element = document.getElementById(`section-${first}`);
    if (!element) return;
    // Below the sticky top bar and workshop bar, not under them.
    const bars = [...document.querySelectorAll<HTMLElement>('.topbar, .workshop-bar')];
    const covered = bars.reduce((sum, bar) => sum + bar.getBoundingClientRect().height, 0);
    const top = element.getBoundingClientRect().top + window.scrollY - covered - 12;
    const reduce = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    window.scrollTo({ top: Math.max(0, top), behavior: reduce ? 'auto' : 'smooth' });
  }, [following, stepId, first]);

  return null;
}
