import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { icpTitleSchema, LIMITS, type IcpKind, type IcpListItemDto } from '@bullseye/shared';
import { icpApi } from '../api/icpApi.js';
import { asApiError } from '../api/apiError.js';
import { IcpKindField } from '../features/icpKinds/IcpKindField.js';
import { copyTitle } from '../features/icpKinds/kindText.js';
import { TextField } from '../ui/TextField.js';

/**
 * Starts another segment from an ICP: its content (criteria, narrative, scoring settings,
 * evidence) under a new title and kind; none of its history. Opens the new ICP.
 */
export function DuplicateIcpDialog({ icp, onClose }: { icp: IcpListItemDto; onClose: () => void }) {
  const navigate = useNavigate();
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [title, setTitle] = useState(() => copyTitle(icp.title, LIMITS.maxTitleLength));
  const [kind, setKind] = useState<IcpKind>(icp.kind);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const element = dialog.current;
    if (!element || element.open) return;
    element.showModal();
    return () => element.close();
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const checked = icpTitleSchema.safeParse(title);
    if (!checked.success) {
      setError(`Title ${checked.error.issues[0]?.message ?? 'is not valid'}.`);
      return;
    }
    setBusy(true);
    try {
      const copy = await icpApi.duplicate(icp.id, { title: checked.data, kind });
      void navigate(`/icp/${copy.id}`);
    } catch (e) {
      setError(asApiError(e).message);
      setBusy(false);
    }
  }

  return (
    <dialog
      ref={dialog}
      className="dialog card duplicate-dialog"
      aria-labelledby={titleId}
      data-testid="duplicate-dialog"
      onCancel={(e) => {
        e.preventDefault();
        if (!busy) onClose();
      }}
    >
      <form onSubmit={(e) => void submit(e)}>
        <h2 id={titleId}>Duplicate “{icp.title}”</h2>
        <p className="muted small duplicate-explanation">
          The new ICP starts with a copy of its content: criteria, narrative, scoring settings and evidence.
          Not its history, comments, versions or sign-offs: it starts as a draft of its own.
        </p>
        <TextField
          label="Title of the new ICP"
          value={title}
          dir="auto"
          autoFocus
          error={error}
          limit={{ max: LIMITS.maxTitleLength, action: 'create it' }}
          onChange={(e) => {
            setTitle(e.target.value);
            setError(null);
          }}
        />
        <IcpKindField value={kind} onChange={setKind} />
        <div className="row end">
          <button type="button" className="btn" onClick={onClose} disabled={busy}>
            Cancel
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy || title.trim() === ''}>
            Duplicate
          </button>
        </div>
      </form>
    </dialog>
  );
}
