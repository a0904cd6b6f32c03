import { useState } from 'react';
import { LIMITS } from '@bullseye/shared';
import type { IcpSession } from '../collab/IcpSession.js';
import { downloadFile, localCopyJson, localCopyMarkdown } from '../collab/localCopy.js';
import type { UnsavedReason } from '../collab/saveTracker.js';
import { ConfirmDialog } from '../ui/ConfirmDialog.js';
import { formatBytes } from './pasteGuard.js';

const REASONS: Record<UnsavedReason, string> = {
  changeTooLarge: `A change is larger than the ${formatBytes(LIMITS.maxCollabMessageBytes)} the server accepts at once, so it could not be sent.`,
  icpTooLarge: `This ICP has reached its size limit of ${formatBytes(LIMITS.maxIcpStateBytes)}, so the latest changes could not be added.`,
  refused: 'The server could not accept some of the changes made here.',
  notStored: 'The server does not have some of the changes made here, and sending them again did not help.',
};

/**
 * Shown while this browser holds changes the server refused or does not have. Syncing is paused
 * (no reconnect loop), the page is read-only, and the person chooses: try again, keep a copy, or
 * go back to what the server has.
 */
export function UnsavedChangesBanner({
  session,
  reason,
  title,
}: {
  session: IcpSession;
  reason: UnsavedReason;
  title: string;
}) {
  const [confirming, setConfirming] = useState(false);

  async function discard() {
    await session.discardLocalCopy();
    window.location.reload();
  }

  return (
    <div className="unsaved-banner" role="alert" data-testid="unsaved-banner">
      <div className="unsaved-icon" aria-hidden="true">
        <svg viewBox="0 0 20 20" width="18" height="18" focusable="false">
          <path
            d="M5.5 15.5h9a3.5 3.5 0 0 0 .6-6.95A5 5 0 0 0 5.4 7.6 4 4 0 0 0 5.5 15.5zM10 8v3.5M10 13.6v.1"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.6"
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        </svg>
      </div>
      <div className="unsaved-text">
        <strong>Some changes are only in this browser.</strong> {REASONS[reason]} Editing is paused; everyone
        else&apos;s work is safe. Download a copy to keep your changes, then discard them here to continue
        with the saved version.
      </div>
      <div className="unsaved-actions">
        <button type="button" className="btn btn-sm" onClick={() => session.retry()}>
          Retry
        </button>
        <button
          type="button"
          className="btn btn-sm"
          onClick={() => downloadFile(localCopyMarkdown(session.doc, title))}
        >
          Download Markdown
        </button>
        <button
          type="button"
          className="btn btn-sm"
          onClick={() => downloadFile(localCopyJson(session.doc, title))}
        >
          Download JSON
        </button>
        <button type="button" className="btn btn-sm btn-danger-ghost" onClick={() => setConfirming(true)}>
          Discard local changes
        </button>
      </div>
      {confirming && (
        <ConfirmDialog
          title="Discard the changes kept in this browser?"
          confirmLabel="Discard and reload"
          danger
          onConfirm={discard}
          onCancel={() => setConfirming(false)}
        >
          <p>
            This browser&apos;s copy of “{title}” is deleted and the page reloads with what the server has.
            Changes that never reached the server are lost, so download a copy first if you need them.
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}
