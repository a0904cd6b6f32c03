import type { IcpDto } from '@bullseye/shared';
import { icpApi } from '../../api/icpApi.js';
import { asApiError } from '../../api/apiError.js';
import { ConfirmDialog } from '../../ui/ConfirmDialog.js';
import { useToast } from '../../ui/Toast.js';

interface ChangeKindDialogProps {
  icp: Pick<IcpDto, 'id' | 'title' | 'kind' | 'primary'>;
  /** The server's answer once the kind changed. */
  onChanged: (icp: IcpDto) => void;
  onClose: () => void;
}

/**
 * Asks before making an ICP negative (its approved criteria then disqualify in every other ICP) or
 * an ordinary ICP again (they stop), since either changes other ICPs' scores.
 */
export function ChangeKindDialog({ icp, onChanged, onClose }: ChangeKindDialogProps) {
  const toast = useToast();
  const toNegative = icp.kind === 'icp';

  async function confirm() {
    try {
      onChanged(await icpApi.setKind(icp.id, toNegative ? 'negative' : 'icp'));
      toast(
        toNegative
          ? `“${icp.title}” is now a negative ICP: who we never sell to.`
          : `“${icp.title}” is an ICP again: it no longer disqualifies accounts in other ICPs.`,
      );
    } catch (e) {
      toast(asApiError(e).message, { tone: 'error' });
    }
    onClose();
  }

  return toNegative ? (
    <ConfirmDialog
      title={`Make “${icp.title}” a negative ICP?`}
      confirmLabel="Make it a negative ICP"
      onConfirm={confirm}
      onCancel={onClose}
    >
      <p>
        It will describe who you never sell to. Once a version of it is approved, each of its industries,
        geographies, technologies, size and revenue bands and disqualifiers becomes a disqualifier of every
        ICP in this workspace, and accounts matching them are scored as disqualified.
      </p>
      {icp.primary && <p>It will no longer be the workspace’s primary ICP.</p>}
    </ConfirmDialog>
  ) : (
    <ConfirmDialog
      title={`Make “${icp.title}” an ICP again?`}
      confirmLabel="Make it an ICP"
      onConfirm={confirm}
      onCancel={onClose}
    >
      <p>
        It will describe who you sell to. Its criteria stop disqualifying accounts in the other ICPs of this
        workspace, at once, whatever version of it was approved.
      </p>
    </ConfirmDialog>
  );
}
