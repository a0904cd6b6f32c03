import { findSection } from '@bullseye/shared';
import type { Participant } from '../collab/usePresence.js';
import { Avatar } from '../ui/Avatar.js';

/** Everyone with this ICP open, this person first; hovering an avatar tells where they are. */
export function PresenceBar({ people, onEditSelf }: { people: Participant[]; onEditSelf: () => void }) {
  const shown = people.slice(0, 8);
  const hidden = people.length - shown.length;
  return (
    <div className="presence" data-testid="presence" aria-label={`${people.length} here`}>
      {shown.map((p) => {
        const where = p.section ? findSection(p.section)?.title : undefined;
        const label = `${p.user.name}${p.isSelf ? ' (you)' : ''}${where ? `, in ${where}` : ''}`;
        return p.isSelf ? (
          <button
            key={p.clientId}
            type="button"
            className="avatar-btn"
            onClick={onEditSelf}
            title="Change your name"
          >
            <Avatar name={p.user.name} color={p.user.color} label={label} />
          </button>
        ) : (
          <Avatar key={p.clientId} name={p.user.name} color={p.user.color} label={label} />
        );
      })}
      {hidden > 0 && <span className="avatar avatar-more">+{hidden}</span>}
    </div>
  );
}
