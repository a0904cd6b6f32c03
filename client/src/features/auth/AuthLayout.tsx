import type { ReactNode } from 'react';
import { Logo } from '../../ui/Logo.js';

interface AuthLayoutProps {
  title: string;
  intro?: ReactNode;
  children: ReactNode;
  /** Under the card: the way to the other auth page. */
  footer?: ReactNode;
  wide?: boolean;
}

/** The centred card of every screen a person sees before they are in: setup, sign-in, invites. */
export function AuthLayout({ title, intro, children, footer, wide }: AuthLayoutProps) {
  return (
    <div className="auth-shell">
      <div className="auth-brand">
        <Logo />
      </div>
      <main className={`auth-card card ${wide ? 'auth-card-wide' : ''}`}>
        <h1>{title}</h1>
        {intro && <div className="auth-intro muted">{intro}</div>}
        {children}
      </main>
      {footer && <div className="auth-footer">{footer}</div>}
    </div>
  );
}
