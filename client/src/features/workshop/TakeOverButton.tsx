import { useState } from 'react';
import { ConfirmDialog } from '../../ui/ConfirmDialog.js';
import { useMe } from '../identity/useMe.js';
import { useWorkshop } from './workshopContext.js';

/** For an editor or admin who is not facilitating: become the facilitator (asks first). */
export function TakeOverButton() {
  const { act, workshop } = useWorkshop();
  const selfId = useMe().user.id;
  const [asking, setAsking] = useState(false);
  if (!workshop) return null;
  return (
    <>
      <button
        type="button"
        className="btn btn-sm"
        data-testid="workshop-take-over"
        onClick={() => setAsking(true)}
      >
        Take over
      </button>
      {asking && (
        <ConfirmDialog
          title="Take over the workshop?"
          confirmLabel="Take over"
          onCancel={() => setAsking(false)}
          onConfirm={async () => {
            await act({ type: 'handOver', userId: selfId });
            setAsking(false);
          }}
        >
          <p>
            You become the facilitator: the steps, the timer, the reveal and the votes are yours.{' '}
            {workshop.facilitator.name} stays a participant.
          </p>
        </ConfirmDialog>
      )}
    </>
  );
}
