import { Link } from 'react-router';

/** The Bullseye mark and name, linking home. */
export function Logo() {
  return (
    <Link to="/" className="logo" aria-label="Bullseye home">
      <svg viewBox="0 0 32 32" width="24" height="24" aria-hidden="true">
        <circle cx="16" cy="16" r="15" fill="var(--accent)" />
        <circle cx="16" cy="16" r="10" fill="#fff" />
        <circle cx="16" cy="16" r="5" fill="var(--accent)" />
      </svg>
      <span>Bullseye</span>
    </Link>
  );
}
