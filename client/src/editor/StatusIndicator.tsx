import type { ConnectionState, SaveState, SessionStatus } from '../collab/saveTracker.js';

const CONNECTION_TEXT: Record<ConnectionState, string> = {
  connecting: 'Connecting…',
  connected: 'Connected',
  reconnecting: 'Reconnecting…',
  offline: 'Offline',
  paused: 'Sync paused',
  closed: 'Disconnected',
};

const SAVE_TEXT: Record<SaveState, string> = {
  saved: 'All changes saved',
  saving: 'Saving…',
  local: 'Saved on this device',
  unsaved: 'Not saved',
  idle: '',
};

/**
 * Connection state and whether the server has stored every change, as the user should trust it.
 * `showSave` is false for people who cannot edit: they have nothing to save.
 */
export function StatusIndicator({ status, showSave = true }: { status: SessionStatus; showSave?: boolean }) {
  const title =
    status.save === 'local'
      ? 'Your changes are kept in this browser and will be sent when the connection returns.'
      : status.save === 'unsaved'
        ? 'Some changes are only in this browser; the server does not have them.'
        : undefined;
  return (
    <div className="status" aria-live="polite">
      <span
        className={`conn conn-${status.connection}`}
        data-testid="connection-status"
        data-state={status.connection}
        title={CONNECTION_TEXT[status.connection]}
      >
        <span className="conn-dot" aria-hidden="true" />
        <span className="conn-text">{CONNECTION_TEXT[status.connection]}</span>
      </span>
      <span
        className={`save save-${status.save}`}
        data-testid="save-status"
        data-state={status.save}
        title={title}
      >
        {showSave ? SAVE_TEXT[status.save] : ''}
      </span>
    </div>
  );
}
