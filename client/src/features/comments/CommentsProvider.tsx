import { useCallback, useEffect, useEffectEvent, useMemo, useState, type ReactNode } from 'react';
import type { CommentAnchor, IcpDto, ThreadDto } from '@bullseye/shared';
import type { IcpSession } from '../../collab/IcpSession.js';
import { useMe } from '../identity/useMe.js';
import { useMembers } from '../members/useMembers.js';
import {
  CommentsContext,
  targetKey,
  type CommentFilter,
  type CommentsValue,
  type SelectOptions,
} from './commentsContext.js';
import type { MentionPerson } from './mentionOptions.js';
import { revealAnchor } from './revealAnchor.js';
import { filterShowing, isMine, matchesFilter } from './threadFilters.js';
import { sortByDocumentOrder } from './threadOrder.js';
import { useDeepLinkThread } from './useDeepLinkThread.js';
import { useMediaQuery } from './useMediaQuery.js';
import { useThreadPlacements } from './useThreadPlacements.js';
import { useThreads } from './useThreads.js';

/** At this width and above the sidebar sits beside the page and starts open. */
export const DOCKED_QUERY = '(min-width: 1200px)';

interface CommentsProviderProps {
  icp: IcpDto;
  session: IcpSession;
  /** Whether the comment sidebar is shown (the editor's panel is open on its Comments tab). */
  open: boolean;
  /** Shows or hides the comment sidebar. */
  onOpenChange: (open: boolean) => void;
  children: ReactNode;
}

/**
 * The comment threads of one open ICP and the UI state around them (sidebar, filter, selected
 * thread, the thread being written), for the editor and the sidebar alike. Key it by ICP id. The
 * sidebar is one tab of the editor's panel, so whether it is open is the editor's to say.
 */
export function CommentsProvider({ icp, session, open, onOpenChange, children }: CommentsProviderProps) {
  const me = useMe();
  const meId = me.user.id;
  const myFunction = me.workspaces.find((w) => w.id === icp.workspaceId)?.function ?? null;
  const canComment = icp.abilities.comment && icp.archivedAt === null;

  const live = useThreads(session, icp.id);
  const { threads: byId, apply, forget, setFollowing, reload } = live;
  const placements = useThreadPlacements(session.doc, byId);
  const threads = useMemo(() => sortByDocumentOrder([...byId.values()], placements), [byId, placements]);

  const { members } = useMembers(icp.workspaceId);
  const people = useMemo<MentionPerson[]>(
    () => (members ?? []).map((m) => ({ id: m.user.id, name: m.user.name, function: m.function })),
    [members],
  );

  const docked = useMediaQuery(DOCKED_QUERY);
  const sidebarOpen = open;
  const setSidebarOpen = onOpenChange;
  const [filter, setFilter] = useState<CommentFilter>('open');
  const [selected, setSelected] = useState<string | null>(null);
  const [draft, setDraft] = useState<CommentAnchor | null>(null);
  const [reveal, setReveal] = useState<{ id: string; flash: boolean; nonce: number } | null>(null);

  // A deleted thread is no longer selected.
  const selectedId = selected !== null && byId.has(selected) ? selected : null;

  const derived = useMemo(() => {
    const counts = { open: 0, resolved: 0, mine: 0, blockingOpen: 0 };
    const openBySection = new Map<string, ThreadDto[]>();
    const openByTarget = new Map<string, ThreadDto[]>();
    const push = (map: Map<string, ThreadDto[]>, key: string, t: ThreadDto) => {
      const list = map.get(key);
      if (list) list.push(t);
      else map.set(key, [t]);
    };
    for (const t of threads) {
      if (isMine(t, meId)) counts.mine++;
      if (t.status === 'resolved') {
        counts.resolved++;
        continue;
      }
      counts.open++;
      if (t.blocking) counts.blockingOpen++;
      if (t.anchor.type === 'icp') continue;
      push(openBySection, t.anchor.section, t);
      if (t.anchor.type === 'criterion' && !placements.get(t.id)?.detached) {
        push(openByTarget, targetKey(t.anchor.section, t.anchor.itemId), t);
      }
    }
    return { counts, openBySection, openByTarget };
  }, [threads, placements, meId]);

  const selectedThread = selectedId ? byId.get(selectedId) : undefined;
  const selectedTarget =
    selectedThread?.anchor.type === 'criterion'
      ? targetKey(selectedThread.anchor.section, selectedThread.anchor.itemId)
      : null;

  const select = useCallback(
    (threadId: string | null, options: SelectOptions = {}) => {
      setSelected(threadId);
      if (threadId === null) return;
      const thread = byId.get(threadId);
      if (thread) setFilter((f) => filterShowing(f, thread, meId));
      if (options.openSidebar) setSidebarOpen(true);
      if (options.reveal)
        setReveal((r) => ({ id: threadId, flash: !!options.flash, nonce: (r?.nonce ?? 0) + 1 }));
    },
    [byId, meId, setSidebarOpen],
  );

  useDeepLinkThread(live.loaded, byId, select);

  /** A tab picked by the person: the selected thread stays selected only if the tab shows it. */
  const chooseFilter = useCallback(
    (next: CommentFilter) => {
      setFilter(next);
      setSelected((id) => {
        const thread = id === null ? undefined : byId.get(id);
        return thread && matchesFilter(thread, next, meId) ? id : null;
      });
    },
    [byId, meId],
  );

  const startDraft = useCallback(
    (anchor: CommentAnchor) => {
      setDraft(anchor);
      setSelected(null);
      setSidebarOpen(true);
      setFilter((f) => (f === 'resolved' ? 'open' : f));
    },
    [setSidebarOpen],
  );
  const cancelDraft = useCallback(() => setDraft(null), []);

  const revealNow = useEffectEvent((id: string, flash: boolean) => {
    const thread = byId.get(id);
    if (!thread) return undefined;
    return revealAnchor(id, thread.anchor, () => placements.get(id)?.detached ?? false, { flash });
  });
  useEffect(() => {
    if (!reveal) return;
    return revealNow(reveal.id, reveal.flash);
  }, [reveal]);

  const value = useMemo<CommentsValue>(
    () => ({
      icpId: icp.id,
      canComment,
      meId,
      myFunction,
      threads,
      placements,
      loaded: live.loaded,
      error: live.error,
      following: live.following,
      counts: derived.counts,
      openBySection: derived.openBySection,
      openByTarget: derived.openByTarget,
      selectedId,
      selectedTarget,
      draft,
      sidebarOpen,
      sidebarDocked: docked,
      filter,
      people,
      select,
      startDraft,
      cancelDraft,
      setSidebarOpen,
      setFilter: chooseFilter,
      apply,
      forget,
      setFollowing,
      reload,
    }),
    [
      icp.id,
      canComment,
      meId,
      myFunction,
      threads,
      placements,
      live.loaded,
      live.error,
      live.following,
      derived,
      selectedId,
      selectedTarget,
      draft,
      sidebarOpen,
      docked,
      filter,
      people,
      select,
      startDraft,
      cancelDraft,
      setSidebarOpen,
      chooseFilter,
      apply,
      forget,
      setFollowing,
      reload,
    ],
  );

  return <CommentsContext.Provider value={value}>{children}</CommentsContext.Provider>;
}
