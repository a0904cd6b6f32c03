import { Logo } from './Logo.js';

/** What shows while the app finds out who is signed in: the mark, quietly. */
export function LoadingScreen({ label = 'Loading…' }: { label?: string }) {
  return (
    <div className="loading-screen" role="status" aria-live="polite">
      <Logo />
      <p className="muted">{label}</p>
    </div>
  );
}
