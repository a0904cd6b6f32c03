import { CHECKLIST_ID } from './coachContext.js';

const reducedMotion = () => window.matchMedia('(prefers-reduced-motion: reduce)').matches;

/** Scrolls a section of the page into view, flashes it, and moves the keyboard to its first field. */
export function revealSection(section: string): void {
  const element = document.getElementById(`section-${section}`);
  if (!element) return;
  element.scrollIntoView({ block: 'center', behavior: reducedMotion() ? 'auto' : 'smooth' });
  flash(element);
  const field = element.querySelector<HTMLElement>('input, textarea, [contenteditable="true"]');
  field?.focus({ preventScroll: true });
}

/** Scrolls the checklist (in the Review tab) into view once it is drawn, and focuses it. */
export function revealChecklist(): void {
  let tries = 0;
  const attempt = () => {
    const element = document.getElementById(CHECKLIST_ID);
    if (!element) {
      if (++tries < 30) requestAnimationFrame(attempt);
      return;
    }
    element.scrollIntoView({ block: 'start', behavior: reducedMotion() ? 'auto' : 'smooth' });
    element.focus({ preventScroll: true });
    flash(element);
  };
  requestAnimationFrame(attempt);
}

function flash(element: HTMLElement) {
  element.animate(
    [
      { boxShadow: '0 0 0 0 rgb(213 138 0 / 0%)' },
      { boxShadow: '0 0 0 4px rgb(213 138 0 / 45%)' },
      { boxShadow: '0 0 0 0 rgb(213 138 0 / 0%)' },
    ],
    { duration: reducedMotion() ? 1 : 1200, delay: 200, easing: 'ease-in-out' },
  );
}
