import type { WorkspaceAbilities } from '@bullseye/shared';

/** Says plainly when this person cannot edit, and why: the ICP is archived, or their role. */
export function AccessBadge({ archived, abilities }: { archived: boolean; abilities: WorkspaceAbilities }) {
  let text: string | null = null;
  let title = '';
  if (archived) {
    text = 'Archived';
    title = 'Archived ICPs are read-only for everyone.';
  } else if (!abilities.edit) {
    text = abilities.comment ? 'Can comment' : 'View only';
    title = abilities.comment
      ? 'You are a commenter in this workspace: you can read and comment, not edit.'
      : 'You are a viewer in this workspace: you can read, not edit.';
  }
  if (!text) return null;
  return (
    <span className="badge badge-readonly" title={title} data-testid="access-badge">
      {text}
    </span>
  );
}
