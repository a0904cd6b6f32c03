import { useEffect, useState } from 'react';
import type { MemberDto } from '@bullseye/shared';
import { membersApi } from '../../api/membersApi.js';
import { Menu } from '../../ui/Menu.js';
import { useMe } from '../identity/useMe.js';
import { useWorkshop } from './workshopContext.js';

/** The facilitator hands the session to another editor or admin of the workspace. */
export function HandOverMenu({ workspaceId }: { workspaceId: string }) {
  const { act, workshop } = useWorkshop();
  const selfId = useMe().user.id;
  const [members, setMembers] = useState<MemberDto[] | null>(null);

  useEffect(() => {
    let cancelled = false;
    membersApi.list(workspaceId).then(
      (list) => !cancelled && setMembers(list),
      () => !cancelled && setMembers([]),
    );
    return () => {
      cancelled = true;
    };
  }, [workspaceId]);

  if (!workshop) return null;
  const present = new Set(workshop.participants.map((p) => p.id));
  const candidates = (members ?? [])
    .filter((m) => (m.role === 'editor' || m.role === 'admin') && m.user.id !== selfId)
    // Those taking part first: handing over to someone in the room is the usual case.
    .sort(
      (a, b) =>
        Number(present.has(b.user.id)) - Number(present.has(a.user.id)) ||
        a.user.name.localeCompare(b.user.name),
    );

  return (
    <Menu trigger="Hand over…" triggerClassName="btn btn-sm" align="end">
      <p className="menu-header">Hand over to</p>
      {members === null && <p className="menu-header muted">Loading…</p>}
      {members !== null && candidates.length === 0 && (
        <p className="menu-header muted">No other editor or admin in this workspace</p>
      )}
      {candidates.map((m) => (
        <button
          key={m.user.id}
          type="button"
          role="menuitem"
          className="menu-item"
          data-testid="workshop-hand-over-to"
          onClick={() => void act({ type: 'handOver', userId: m.user.id })}
        >
          {m.user.name}
          <span className="muted small">
            {' '}
            · {m.role}
            {present.has(m.user.id) ? ' · taking part' : ''}
          </span>
        </button>
      ))}
    </Menu>
  );
}
