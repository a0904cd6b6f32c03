import { useEffect, useId, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import type { IcpListItemDto } from '@bullseye/shared';
import { icpComparePath } from '../features/icpComparison/comparePaths.js';
import { KIND_TEXT } from '../features/icpKinds/kindText.js';

/** Picks another ICP of the workspace to put beside this one, then opens the comparison. */
export function CompareWithDialog({
  icp,
  others,
  onClose,
}: {
  icp: IcpListItemDto;
  others: readonly IcpListItemDto[];
  onClose: () => void;
}) {
  const navigate = useNavigate();
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const selectId = useId();
  const [other, setOther] = useState(others[0]?.id ?? '');

  useEffect(() => {
    const element = dialog.current;
    if (!element || element.open) return;
    element.showModal();
    return () => element.close();
  }, []);

  return (
    <dialog
      ref={dialog}
      className="dialog card"
      aria-labelledby={titleId}
      data-testid="compare-with-dialog"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (other) void navigate(icpComparePath(icp.id, other));
        }}
      >
        <h2 id={titleId}>Compare “{icp.title}” with…</h2>
        {others.length === 0 ? (
          <p className="muted">
            There is no other ICP in this workspace yet. Duplicate this one to start another.
          </p>
        ) : (
          <>
            <p className="muted small">
              Side by side: the criteria both share, where they overlap or contradict, and, with customer
              data, the accounts that fit both.
            </p>
            <label htmlFor={selectId} className="field-label">
              Other ICP
            </label>
            <select
              id={selectId}
              className="input compare-with-select"
              value={other}
              autoFocus
              onChange={(e) => setOther(e.target.value)}
            >
              {others.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.title}
                  {o.kind === 'negative' ? ` (${KIND_TEXT.negative.badge})` : o.primary ? ' (Primary)' : ''}
                </option>
              ))}
            </select>
          </>
        )}
        <div className="row end dialog-actions">
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          {others.length > 0 && (
            <button type="submit" className="btn btn-primary">
              Compare
            </button>
          )}
        </div>
      </form>
    </dialog>
  );
}
