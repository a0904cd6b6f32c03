import { useId, useState } from 'react';
import { WORKSHOP_LIMITS } from '@bullseye/shared';
import { ConfirmDialog } from '../../ui/ConfirmDialog.js';
import { LengthHint } from '../../ui/LengthHint.js';
import { defaultVersionName } from './formatDuration.js';
import { useWorkshop } from './workshopContext.js';

/**
 * Ends the session (asks first): the ICP is kept as a named version, the summary is written and
 * sent to the members who were not there.
 */
export function EndWorkshopButton() {
  const { act, workshop } = useWorkshop();
  const [name, setName] = useState<string | null>(null);
  const inputId = useId();
  if (!workshop) return null;
  const trimmed = name?.trim() ?? '';
  return (
    <>
      <button
        type="button"
        className="btn btn-sm btn-danger-ghost"
        data-testid="workshop-end"
        onClick={() => setName(defaultVersionName(new Date()))}
      >
        End workshop
      </button>
      {name !== null && (
        <ConfirmDialog
          title="End the workshop?"
          confirmLabel="End workshop"
          onCancel={() => setName(null)}
          onConfirm={async () => {
            const ended = await act({ type: 'end', ...(trimmed ? { versionName: trimmed } : {}) });
            if (ended) setName(null);
          }}
        >
          <p>
            The ICP is saved as a named version, the summary is written, and members who were not here get it
            in their inbox.
          </p>
          <div className="field">
            <label className="field-label" htmlFor={inputId}>
              Version name
            </label>
            <input
              id={inputId}
              className="input"
              data-testid="workshop-version-name"
              value={name}
              onChange={(e) => setName(e.target.value)}
            />
            <LengthHint text={name} max={WORKSHOP_LIMITS.maxVersionNameLength} action="end" />
          </div>
        </ConfirmDialog>
      )}
    </>
  );
}
