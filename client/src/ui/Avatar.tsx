import { initialsOf } from '@bullseye/shared';

interface AvatarProps {
  name: string;
  color: string;
  size?: 'sm' | 'md' | 'lg';
  label?: string;
}

/** A round badge with a person's initials in their presence colour. */
export function Avatar({ name, color, size = 'md', label }: AvatarProps) {
  return (
    <span
      className={`avatar avatar-${size}`}
      style={{ backgroundColor: color }}
      title={label ?? name}
      aria-label={label ?? name}
      data-testid="avatar"
      data-name={name}
      role="img"
    >
      {initialsOf(name)}
    </span>
  );
}
