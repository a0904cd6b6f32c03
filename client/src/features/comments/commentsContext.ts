import { createContext, useContext } from 'react';
import type { CommentAnchor, IcpFunction, ThreadDto } from '@bullseye/shared';
import type { ApiError } from '../../api/apiError.js';
import type { MentionPerson } from './mentionOptions.js';
import type { AnchorPlacement } from './threadOrder.js';

export type CommentFilter = 'open' | 'resolved' | 'mine';

export interface SelectOptions {
  /** Scroll the anchor into view (true when picked in the sidebar). */
  reveal?: boolean;
  /** Flash the anchor once it is in view (deep links). */
  flash?: boolean;
  /** Open the sidebar if it is closed (true when picked in the document). */
  openSidebar?: boolean;
}

/** Everything the editor and the sidebar share about the ICP's comment threads. */
export interface CommentsValue {
  icpId: string;
  /** May this person start threads (IcpDto.abilities.comment, and not archived)? */
  canComment: boolean;
  meId: string;
  /** This person's function in the ICP's workspace, to stress mentions of it. */
  myFunction: IcpFunction | null;
  /** Every thread this person may see, in document order. */
  threads: readonly ThreadDto[];
  placements: ReadonlyMap<string, AnchorPlacement>;
  loaded: boolean;
  error: ApiError | null;
  following: boolean;
  counts: { open: number; resolved: number; mine: number; blockingOpen: number };
  /** Open threads by section key, in document order. */
  openBySection: ReadonlyMap<string, readonly ThreadDto[]>;
  /** Open threads by criterion: `section#itemId` (or `section#` for a range section). */
  openByTarget: ReadonlyMap<string, readonly ThreadDto[]>;
  selectedId: string | null;
  /** The target (see openByTarget) of the selected thread, to emphasize it. */
  selectedTarget: string | null;
  draft: CommentAnchor | null;
  sidebarOpen: boolean;
  /** Wide screens show the sidebar beside the page, narrow ones as a drawer over it. */
  sidebarDocked: boolean;
  filter: CommentFilter;
  people: readonly MentionPerson[];

  select: (threadId: string | null, options?: SelectOptions) => void;
  startDraft: (anchor: CommentAnchor) => void;
  cancelDraft: () => void;
  setSidebarOpen: (open: boolean) => void;
  setFilter: (filter: CommentFilter) => void;
  /** Applies a thread from an HTTP answer. */
  apply: (thread: ThreadDto) => void;
  forget: (threadId: string) => void;
  setFollowing: (following: boolean) => void;
  reload: () => void;
}

export const CommentsContext = createContext<CommentsValue | null>(null);

/** The comment threads of the open ICP; null outside a {@link CommentsProvider}. */
export function useCommentsOptional(): CommentsValue | null {
  return useContext(CommentsContext);
}

export function useComments(): CommentsValue {
  const value = useContext(CommentsContext);
  if (!value) throw new Error('useComments needs a CommentsProvider');
  return value;
}

/** The key of a criterion in {@link CommentsValue.openByTarget}. */
export function targetKey(section: string, itemId: string | null): string {
  return `${section}#${itemId ?? ''}`;
}
