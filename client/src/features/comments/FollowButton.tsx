import { useState } from 'react';
import { asApiError } from '../../api/apiError.js';
import { commentsApi } from '../../api/commentsApi.js';
import { useToast } from '../../ui/Toast.js';
import { useComments } from './commentsContext.js';

/** Follow the ICP: every new thread on it reaches this person's inbox. */
export function FollowButton() {
  const { icpId, following, setFollowing, loaded } = useComments();
  const toast = useToast();
  const [busy, setBusy] = useState(false);

  async function toggle() {
    setBusy(true);
    try {
      setFollowing((await commentsApi.follow(icpId, !following)).following);
    } catch (e) {
      toast(asApiError(e).message, { tone: 'error' });
    } finally {
      setBusy(false);
    }
  }

  return (
    <button
      type="button"
      className={`btn btn-sm follow-btn ${following ? 'follow-btn-on' : ''}`}
      aria-pressed={following}
      disabled={busy || !loaded}
      title={
        following
          ? 'You follow this ICP: new threads on it reach your inbox. Click to stop following.'
          : 'Follow this ICP: new threads on it will reach your inbox.'
      }
      onClick={() => void toggle()}
    >
      {following ? (
        <>
          <span aria-hidden="true">✓</span> Following
        </>
      ) : (
        'Follow'
      )}
    </button>
  );
}
