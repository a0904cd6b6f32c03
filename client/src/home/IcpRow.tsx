import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { LIMITS, type IcpDto } from '@bullseye/shared';
import { icpApi } from '../api/icpApi.js';
import type { ApiError } from '../api/apiError.js';
import { useNow } from '../features/comments/useNow.js';
import { dueWording } from '../features/review/dueWording.js';
import { reviewSummaryLine } from '../features/review/reviewNextStep.js';
import { ReviewStatusPill } from '../features/review/ReviewStatusPill.js';
import { relativeTime } from '../ui/relativeTime.js';
import { useToast } from '../ui/Toast.js';

interface IcpRowProps {
  icp: IcpDto;
  /** Whether this person may rename, archive and restore ICPs. */
  canManage: boolean;
  /** The server confirmed a change to this ICP. */
  onChanged: (icp: IcpDto) => void;
}

/**
 * One ICP in the list: its review status (and Review due), open it; with the right to, rename it in
 * place, archive or restore it.
 */
export function IcpRow({ icp, canManage, onChanged }: IcpRowProps) {
  const toast = useToast();
  const [renaming, setRenaming] = useState(false);
  const [title, setTitle] = useState(icp.title);
  const [error, setError] = useState<string | null>(null);
  const archived = icp.archivedAt !== null;
  const now = useNow(60_000);
  const summary = reviewSummaryLine(icp.review, dueWording(icp.review, now));

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

  return (
    <li className="icp-row" data-testid="icp-row" data-icp-id={icp.id}>
      <div className="icp-row-main">
        {renaming ? (
          <form onSubmit={(e) => void rename(e)} className="row">
            <input
              className="input grow"
              aria-label={`New title for ${icp.title}`}
              value={title}
              maxLength={LIMITS.maxTitleLength}
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
        ) : (
          <div className="icp-row-head">
            <Link to={`/icp/${icp.id}`} className="icp-row-title">
              {icp.title}
            </Link>
            <ReviewStatusPill review={icp.review} now={now} />
          </div>
        )}
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        <p className="muted small">
          {archived ? `Archived ${relativeTime(icp.archivedAt!)}` : `Edited ${relativeTime(icp.updatedAt)}`}
          {summary && <span className="icp-row-review"> · {summary}</span>}
        </p>
      </div>
      {canManage && !renaming && (
        <div className="icp-row-actions">
          {!archived && (
            <button type="button" className="btn btn-sm btn-ghost" onClick={() => setRenaming(true)}>
              Rename
            </button>
          )}
          <button
            type="button"
            className="btn btn-sm btn-ghost"
            onClick={() => void setArchived(!archived)}
            aria-label={`${archived ? 'Restore' : 'Archive'} ${icp.title}`}
          >
            {archived ? 'Restore' : 'Archive'}
          </button>
        </div>
      )}
    </li>
  );
}
