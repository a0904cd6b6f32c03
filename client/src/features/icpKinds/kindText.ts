import type { IcpKind } from '@bullseye/shared';

/** What each kind of ICP is called and what it does, as the forms, badges and banners say it. */
export const KIND_TEXT: Record<IcpKind, { label: string; badge: string; description: string }> = {
  icp: {
    label: 'ICP: who we sell to',
    badge: 'ICP',
    description: 'The companies that get the most value from the product. Accounts are scored against it.',
  },
  negative: {
    label: 'Negative ICP: who we never sell to',
    badge: 'Negative ICP',
    description:
      'Every criterion becomes a disqualifier of every ICP in this workspace once a version is approved.',
  },
};

/** The banner of a negative ICP's editor: its headline, then what it does. */
export const NEGATIVE_BANNER = {
  headline: 'Negative ICP — who we never sell to.',
  explanation:
    'Every criterion here becomes a disqualifier of every ICP in this workspace once a version is approved.',
};

/**
 * "Mid-market SaaS (copy)", shortened so it stays within `max` characters (whole characters only,
 * never half of an emoji).
 */
export function copyTitle(title: string, max: number): string {
  const suffix = ' (copy)';
  const base = Array.from(title.trim());
  let text = base.join('');
  while (base.length > 0 && text.length + suffix.length > max) {
    base.pop();
    text = base.join('').trimEnd();
  }
  return `${text}${suffix}`;
}

/**
 * Whether the kind of an ICP can still change: not once a version is under review or approved (the
 * server answers 409 `kind_locked`), so what was signed off as one kind never counts as the other.
 */
export function kindIsFixed(icp: { review: { current: unknown; approved: unknown } }): boolean {
  return icp.review.current !== null || icp.review.approved !== null;
}

/** Why the kind cannot change, and what to do instead. */
export const KIND_FIXED_TEXT =
  'The kind is fixed once a version is under review or approved. Duplicate it as the other kind instead.';
