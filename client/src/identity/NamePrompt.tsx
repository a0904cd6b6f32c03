import { useState, type FormEvent } from 'react';
import { displayNameSchema } from '@bullseye/shared';

interface NamePromptProps {
  initial?: string;
  onSubmit: (name: string) => void;
  onCancel?: () => void;
}

/** Asks for the name shown to others next to this person's cursor and avatar. */
export function NamePrompt({ initial = '', onSubmit, onCancel }: NamePromptProps) {
  const [name, setName] = useState(initial);
  const [error, setError] = useState<string | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = displayNameSchema.safeParse(name);
    if (!parsed.success) {
      setError(`Your name ${parsed.error.issues[0]?.message ?? 'is not valid'}.`);
      return;
    }
    onSubmit(parsed.data);
  }

  return (
    <div className="modal-backdrop">
      <form className="modal card" onSubmit={submit} aria-labelledby="name-prompt-title">
        <h2 id="name-prompt-title">What should others call you?</h2>
        <p className="muted">Your name appears next to your cursor and in the list of people here.</p>
        <label htmlFor="display-name" className="field-label">
          Your name
        </label>
        <input
          id="display-name"
          className="input"
          value={name}
          autoFocus
          autoComplete="name"
          onChange={(e) => {
            setName(e.target.value);
            setError(null);
          }}
          aria-invalid={error !== null}
        />
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        <div className="row end">
          {onCancel && (
            <button type="button" className="btn" onClick={onCancel}>
              Cancel
            </button>
          )}
          <button type="submit" className="btn btn-primary">
            Continue
          </button>
        </div>
      </form>
    </div>
  );
}
