import { useEffect, useState } from 'react';
import type { InstanceDto } from '@bullseye/shared';
import { authApi } from '../../api/authApi.js';
import { asApiError } from '../../api/apiError.js';
import { Switch } from '../../ui/Switch.js';
import { useToast } from '../../ui/Toast.js';

/** The owner's settings for the whole installation: whether anyone may create an account. */
export function InstallationCard() {
  const toast = useToast();
  const [instance, setInstance] = useState<InstanceDto | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    let cancelled = false;
    authApi.instance().then(
      (loaded) => !cancelled && setInstance(loaded),
      (e: unknown) => !cancelled && toast(asApiError(e).message, { tone: 'error' }),
    );
    return () => {
      cancelled = true;
    };
  }, [toast]);

  async function setSignupOpen(signupOpen: boolean) {
    setSaving(true);
    try {
      setInstance(await authApi.updateInstance(signupOpen));
      toast(
        signupOpen
          ? 'Anyone with the address can now sign up.'
          : 'Sign-up closed. People join by invite link.',
      );
    } catch (e) {
      toast(asApiError(e).message, { tone: 'error' });
    } finally {
      setSaving(false);
    }
  }

  return (
    <section className="card" aria-labelledby="installation-title">
      <h2 id="installation-title" className="card-title">
        Installation
      </h2>
      <p className="muted small card-intro">
        You own this Bullseye installation. These settings apply to everyone.
      </p>
      <Switch
        label="Anyone can sign up"
        description={
          <>
            When on, anyone who can reach this address can create an account (and then their own workspace).
            When off, people join only through invite links.
          </>
        }
        checked={instance?.signupOpen ?? false}
        disabled={!instance || saving}
        onChange={(next) => void setSignupOpen(next)}
      />
    </section>
  );
}
