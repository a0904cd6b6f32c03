import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { LIMITS, type IcpDto, type IcpListItemDto } from '@bullseye/shared';
import { icpApi } from '../api/icpApi.js';
import type { ApiError } from '../api/apiError.js';
import { useNow } from '../features/comments/useNow.js';
import { reviewSummaryLine } from '../features/review/reviewNextStep.js';
import { ReviewStatusPill } from '../features/review/ReviewStatusPill.js';
import { ChangeKindDialog } from '../features/icpKinds/ChangeKindDialog.js';
import { IcpKindBadges } from '../features/icpKinds/IcpKindBadges.js';
import { setPrimary } from '../features/icpKinds/setPrimary.js';
import { Menu } from '../ui/Menu.js';
import { useToast } from '../ui/Toast.js';
import { CompareWithDialog } from './CompareWithDialog.js';
import { DuplicateIcpDialog } from './DuplicateIcpDialog.js';
import { editedLine, IcpRowFacts } from './IcpRowFacts.js';
import { LengthHint } from '../ui/LengthHint.js';
import { kindIsFixed } from '../features/icpKinds/kindText.js';

interface IcpRowProps {
  icp: IcpListItemDto;
  /** The workspace's other active ICPs, to compare this one with. */
  others: readonly IcpListItemDto[];
  /** Whether this person may rename, archive, restore, duplicate, mark and change the kind of ICPs. */
  canManage: boolean;
  /** The server confirmed a change to this ICP. */
  onChanged: (icp: IcpDto) => void;
}

/** Which dialog of the row's menu is open. */
type RowDialog = 'duplicate' | 'compare' | 'kind' | null;

/**
 * One ICP in the list: its review status (with "edited since" when the draft moved on from the
 * approved version, and Review due), its kind and primary mark, who last edited it, how complete it
 * is, its next review and who is in it now; open it or compare it with another; with the right to,
 * rename it in place, archive or restore it, duplicate it, mark it primary or change its kind.
 */
export function IcpRow({ icp, others, canManage, onChanged }: IcpRowProps) {
  const toast = useToast();
  const [dialog, setDialog] = useState<RowDialog>(null);
  const [renaming, setRenaming] = useState(false);
  const [title, setTitle] = useState(icp.title);
  const [error, setError] = useState<string | null>(null);
  const archived = icp.archivedAt !== null;
  const now = useNow(60_000);
  // The next review has its own column (IcpRowFacts).
  const summary = reviewSummaryLine(icp.review, null);
  const moved = icp.review.current && icp.draft.changedSinceReview === true;

  async function rename(event: FormEvent) {
    event.preventDefault();
    if (title.trim() === icp.title) {
      setRenaming(false);
      return;
    }
    try {
      onChanged(await icpApi.rename(icp.id, title));
      setRenaming(false);
    } catch (e) {
      setError((e as ApiError).message);
    }
  }

  async function setArchived(next: boolean) {
    try {
      const updated = next ? await icpApi.archive(icp.id) : await icpApi.unarchive(icp.id);
      onChanged(updated);
      toast(next ? `Archived “${icp.title}”.` : `Restored “${icp.title}”.`, {
        action: {
          label: 'Undo',
          run: () => {
            const undo = next ? icpApi.unarchive(icp.id) : icpApi.archive(icp.id);
            undo.then(onChanged, (e: ApiError) => toast(e.message, { tone: 'error' }));
          },
        },
      });
    } catch (e) {
      toast((e as ApiError).message, { tone: 'error' });
    }
  }

  async function togglePrimary() {
    const result = await setPrimary(icp, !icp.primary);
    if (!result.ok) return toast(result.message, { tone: 'error' });
    onChanged(result.icp);
    toast(
      result.icp.primary
        ? `“${icp.title}” is now the workspace’s primary ICP.`
        : `“${icp.title}” is no longer the primary ICP.`,
    );
  }

  return (
    <li
      className={`icp-row icp-row-rich ${icp.kind === 'negative' ? 'icp-row-negative' : ''} ${icp.primary ? 'icp-row-primary' : ''}`}
      data-testid="icp-row"
      data-icp-id={icp.id}
      data-kind={icp.kind}
      data-primary={String(icp.primary)}
      data-edited-since-approval={String(icp.draft.editedSinceApproval)}
    >
      <div className="icp-row-main">
        {renaming ? (
          <form onSubmit={(e) => void rename(e)} className="row">
            <input
              className="input grow"
              aria-label={`New title for ${icp.title}`}
              value={title}
              dir="auto"
              autoFocus
              onChange={(e) => {
                setTitle(e.target.value);
                setError(null);
              }}
              onKeyDown={(e) => {
                if (e.key === 'Escape') {
                  setTitle(icp.title);
                  setRenaming(false);
                }
              }}
            />
            <button type="submit" className="btn btn-primary btn-sm">
              Save
            </button>
            <button
              type="button"
              className="btn btn-sm"
              onClick={() => {
                setTitle(icp.title);
                setRenaming(false);
              }}
            >
              Cancel
            </button>
          </form>
        ) : null}
        {renaming ? (
          <LengthHint text={title} max={LIMITS.maxTitleLength} action="save" />
        ) : (
          <div className="icp-row-head">
            <Link to={`/icp/${icp.id}`} className="icp-row-title">
              {icp.title}
            </Link>
            {/* Badges and status wrap together under a long title. */}
            <span className="icp-row-badges">
              <IcpKindBadges icp={icp} />
              <ReviewStatusPill
                review={icp.review}
                now={now}
                changedSinceApproval={icp.draft.editedSinceApproval === true}
              />
            </span>
          </div>
        )}
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        <p className="muted small icp-row-meta">
          {editedLine(icp, now)}
          {summary && <span className="icp-row-review"> · {summary}</span>}
          {moved && <span className="icp-row-moved"> · the draft has changed since</span>}
        </p>
      </div>
      <IcpRowFacts icp={icp} now={now} />
      {!renaming && (canManage || !archived) && (
        <div className="icp-row-actions">
          {canManage && !archived && (
            <button type="button" className="btn btn-sm btn-ghost" onClick={() => setRenaming(true)}>
              Rename
            </button>
          )}
          {canManage && (
            <button
              type="button"
              className="btn btn-sm btn-ghost"
              onClick={() => void setArchived(!archived)}
              aria-label={`${archived ? 'Restore' : 'Archive'} ${icp.title}`}
            >
              {archived ? 'Restore' : 'Archive'}
            </button>
          )}
          {!archived && (
            <Menu
              trigger={<span aria-hidden="true">⋯</span>}
              triggerLabel={`More actions for ${icp.title}`}
              triggerClassName="btn btn-sm btn-ghost icp-row-more"
              align="end"
            >
              <button
                type="button"
                role="menuitem"
                className="menu-item"
                onClick={() => setDialog('compare')}
              >
                Compare with…
              </button>
              {canManage && (
                <button
                  type="button"
                  role="menuitem"
                  className="menu-item"
                  onClick={() => setDialog('duplicate')}
                >
                  Duplicate…
                </button>
              )}
              {canManage && icp.kind === 'icp' && (
                <button
                  type="button"
                  role="menuitem"
                  className="menu-item"
                  onClick={() => void togglePrimary()}
                >
                  {icp.primary ? 'Remove primary mark' : 'Mark as primary'}
                </button>
              )}
              {canManage && !kindIsFixed(icp) && (
                <>
                  <div className="menu-separator" role="separator" />
                  <button
                    type="button"
                    role="menuitem"
                    className="menu-item"
                    onClick={() => setDialog('kind')}
                  >
                    {icp.kind === 'icp' ? 'Make it a negative ICP…' : 'Make it an ICP…'}
                  </button>
                </>
              )}
            </Menu>
          )}
        </div>
      )}
      {dialog === 'duplicate' && <DuplicateIcpDialog icp={icp} onClose={() => setDialog(null)} />}
      {dialog === 'compare' && (
        <CompareWithDialog icp={icp} others={others} onClose={() => setDialog(null)} />
      )}
      {dialog === 'kind' && (
        <ChangeKindDialog icp={icp} onChanged={onChanged} onClose={() => setDialog(null)} />
      )}
    </li>
  );
}
