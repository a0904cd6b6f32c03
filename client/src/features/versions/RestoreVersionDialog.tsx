import type { VersionDto } from '@bullseye/shared';
import { ConfirmDialog } from '../../ui/ConfirmDialog.js';
import { versionName } from './versionLabel.js';

interface RestoreVersionDialogProps {
  version: Pick<VersionDto, 'number' | 'name' | 'kind' | 'restoredFrom'>;
  onConfirm: () => unknown;
  onCancel: () => void;
}

/** Asks before a past version replaces the live draft, and says that nothing is lost. */
export function RestoreVersionDialog({ version, onConfirm, onCancel }: RestoreVersionDialogProps) {
  return (
    <ConfirmDialog
      title={`Restore version ${version.number}?`}
      confirmLabel={`Restore version ${version.number}`}
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      <p>
        The live draft will read exactly as version {version.number} (“{versionName(version)}”) did. Everyone
        editing sees the change at once.
      </p>
      <p>
        Nothing is lost: the draft as it is now is kept as a version first, the restore is recorded as a new
        version, and every earlier version stays in the history.
      </p>
    </ConfirmDialog>
  );
}
