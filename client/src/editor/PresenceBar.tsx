import type { ReactNode } from 'react';
import { findSection } from '@bullseye/shared';
import type { Participant } from '../collab/usePresence.js';
import { Avatar } from '../ui/Avatar.js';

/**
 * Everyone with this ICP open, this person first; hovering an avatar tells where they are. A person
 * with several tabs open shows once (the server stamps each peer with their account id). This
 * person's own avatar can be replaced, e.g. by their account menu.
 */
export function PresenceBar({
  people,
  selfId,
  self,
  max = 8,
}: {
  people: Participant[];
  selfId: string;
  /** Shown in place of this person's own avatar, e.g. their account menu. */
  self?: ReactNode;
  /** At most this many avatars (this person's included); the others are counted as "+n". */
  max?: number;
}) {
  const seen = new Set<string>();
  const unique = people.filter((p) => {
    const key = p.isSelf ? selfId : (p.user.id ?? `client-${p.clientId}`);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const shown = unique.slice(0, max);
  const hidden = unique.length - shown.length;
  return (
    <div className="presence" data-testid="presence" aria-label={`${unique.length} here`}>
      {shown.map((p) => {
        const where = p.section ? findSection(p.section)?.title : undefined;
        const label = `${p.user.name}${p.isSelf ? ' (you)' : ''}${where ? `, in ${where}` : ''}`;
        if (p.isSelf && self) return <span key={p.clientId}>{self}</span>;
        return <Avatar key={p.clientId} name={p.user.name} color={p.user.color} label={label} />;
      })}
      {hidden > 0 && (
        <span
          className="avatar avatar-more"
          title={unique
            .slice(max)
            .map((p) => p.user.name)
            .join(', ')}
        >
          +{hidden}
        </span>
      )}
    </div>
  );
}
