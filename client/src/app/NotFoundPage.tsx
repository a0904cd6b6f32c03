import { Link } from 'react-router';
import { Logo } from '../ui/Logo.js';

export function NotFoundPage() {
  return (
    <div className="app-shell">
      <header className="topbar">
        <Logo />
      </header>
      <main className="page page-narrow">
        <div className="card empty">
          <h1>Page not found</h1>
          <p className="muted">There is nothing at this address.</p>
          <Link to="/" className="btn btn-primary">
            Go to your workspaces
          </Link>
        </div>
      </main>
    </div>
  );
}
