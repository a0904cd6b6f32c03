import type { ReactNode } from 'react';
import { useAuth } from '../features/identity/useAuth.js';
import { LoadingScreen } from '../ui/LoadingScreen.js';
import { Logo } from '../ui/Logo.js';

/** Holds every screen back until the app knows who is signed in, or says why it cannot find out. */
export function AuthGate({ children }: { children: ReactNode }) {
  const { state, refresh } = useAuth();
  if (state.status === 'loading') return <LoadingScreen />;
  if (state.status === 'unreachable') {
    return (
      <div className="auth-shell">
        <div className="auth-brand">
          <Logo />
        </div>
        <main className="auth-card card" role="alert">
          <h1>Bullseye is not answering</h1>
          <p className="muted">{state.error.message}</p>
          <button type="button" className="btn btn-primary" onClick={() => void refresh()}>
            Try again
          </button>
        </main>
      </div>
    );
  }
  return children;
}
