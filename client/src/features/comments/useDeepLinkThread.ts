import { useEffect, useEffectEvent } from 'react';
import { useSearchParams } from 'react-router';
import type { ThreadDto } from '@bullseye/shared';
import { useToast } from '../../ui/Toast.js';
import type { SelectOptions } from './commentsContext.js';

/**
 * `/icp/:id?thread=<threadId>` (links from the inbox): once the threads are loaded, opens the
 * sidebar on that thread, open or resolved, and scrolls its anchor into view with a flash. The
 * parameter is then dropped, so a reload or a later click does not jump back.
 */
export function useDeepLinkThread(
  loaded: boolean,
  threads: ReadonlyMap<string, ThreadDto>,
  select: (threadId: string, options: SelectOptions) => void,
): void {
  const [params, setParams] = useSearchParams();
  const wanted = params.get('thread');
  const toast = useToast();

  const follow = useEffectEvent((threadId: string) => {
    if (threads.has(threadId)) select(threadId, { openSidebar: true, reveal: true, flash: true });
    else toast('That comment thread no longer exists.');
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.delete('thread');
        return next;
      },
      { replace: true },
    );
  });

  useEffect(() => {
    if (wanted && loaded) follow(wanted);
  }, [wanted, loaded]);
}
