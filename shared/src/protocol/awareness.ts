import { z } from 'zod';
import { LIMITS } from '../validation/limits.js';

/**
 * The awareness state every Bullseye client publishes. `user` is what Tiptap's collaboration caret
 * reads to draw named carets; `section` is the section key the person is working in, if any.
 */
export const awarenessStateSchema = z.object({
  user: z.object({
    /** Set by the server from the authenticated account; clients cannot choose it. */
    id: z.string().max(64).optional(),
    name: z.string().min(1).max(LIMITS.maxDisplayNameLength),
    color: z.string().regex(/^#[0-9a-f]{6}$/i),
  }),
  section: z.string().max(64).nullable().optional(),
});
export type AwarenessState = z.infer<typeof awarenessStateSchema>;

const PALETTE = [
  '#e5484d',
  '#f76b15',
  '#ffb224',
  '#46a758',
  '#12a594',
  '#0090ff',
  '#3e63dd',
  '#8e4ec6',
  '#d6409f',
  '#ab4aba',
];

/** A stable presence colour for a name, so a person keeps their colour across sessions. */
export function colorForName(name: string): string {
  let hash = 0;
  for (const ch of name) hash = (hash * 31 + ch.codePointAt(0)!) | 0;
  return PALETTE[Math.abs(hash) % PALETTE.length]!;
}

/** Up to two initials for an avatar. */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters =
    words.length > 1 ? [words[0]![0], words[words.length - 1]![0]] : [...(words[0] ?? '?')].slice(0, 2);
  return letters.join('').toUpperCase();
}
