import { findSection, type SectionDefinition, type SectionDiff, type TextChange } from '@bullseye/shared';

export interface TitledDiff {
  /** The section's definition, or null for a key this client does not know. */
  section: SectionDefinition | null;
  title: string;
  diff: SectionDiff;
}

/** The changed sections with their titles, in the page's order (the server sends them so). */
export function titledDiffs(diffs: readonly SectionDiff[]): TitledDiff[] {
  return diffs.map((diff) => {
    if (diff.kind === 'scoring') return { section: null, title: 'Fit scoring', diff };
    const section = findSection(diff.key) ?? null;
    return { section, title: section?.title ?? diff.key, diff };
  });
}

const count = (n: number, what: string) => `${n} ${what}`;

/** One line on what changed in a section: "2 added, 1 removed", "range changed", "text changed". */
export function diffSummary(diff: SectionDiff): string {
  switch (diff.kind) {
    case 'list': {
      const parts: string[] = [];
      if (diff.added.length) parts.push(count(diff.added.length, 'added'));
      if (diff.removed.length) parts.push(count(diff.removed.length, 'removed'));
      if (diff.changed.length) parts.push(count(diff.changed.length, 'changed'));
      return parts.join(', ');
    }
    case 'range':
      return 'changed';
    case 'richText': {
      const words = (type: TextChange['type']) =>
        diff.changes
          .filter((c) => c.type === type)
          .reduce((n, c) => n + (c.text.match(/\S+/g)?.length ?? 0), 0);
      const parts: string[] = [];
      const added = words('added');
      const removed = words('removed');
      if (added) parts.push(`${added} word${added === 1 ? '' : 's'} added`);
      if (removed) parts.push(`${removed} word${removed === 1 ? '' : 's'} removed`);
      return parts.join(', ') || 'whitespace changed';
    }
    case 'scoring':
      return `${diff.changes.length} setting${diff.changes.length === 1 ? '' : 's'} changed`;
  }
}

/** A run of unchanged text left out of the display. */
export interface TextGap {
  type: 'gap';
}
export type TextPiece = TextChange | TextGap;

const tokens = (text: string) => text.match(/\s+|\S+/g) ?? [];
const isWord = (token: string) => /\S/.test(token);

/** The first `n` words of a token list (with the space after them). */
function head(parts: string[], n: number): string {
  let words = 0;
  let end = 0;
  while (end < parts.length && words < n) if (isWord(parts[end++]!)) words++;
  if (end < parts.length && !isWord(parts[end]!)) end++;
  return parts.slice(0, end).join('');
}

/** The last `n` words of a token list (with the space before them). */
function tail(parts: string[], n: number): string {
  let words = 0;
  let start = parts.length;
  while (start > 0 && words < n) if (isWord(parts[--start]!)) words++;
  if (start > 0 && !isWord(parts[start - 1]!)) start--;
  return parts.slice(start).join('');
}

/**
 * Word-level changes with long unchanged stretches shortened to `context` words on each side of a
 * change, so a one-word edit in a long section reads at a glance.
 */
export function collapseUnchanged(changes: readonly TextChange[], context = 12): TextPiece[] {
  const pieces: TextPiece[] = [];
  changes.forEach((change, index) => {
    if (change.type !== 'same') {
      pieces.push(change);
      return;
    }
    const parts = tokens(change.text);
    const words = parts.filter(isWord).length;
    const first = index === 0;
    const last = index === changes.length - 1;
    if (first && last) {
      pieces.push(change);
    } else if (first) {
      if (words > context) pieces.push({ type: 'gap' }, { type: 'same', text: tail(parts, context) });
      else pieces.push(change);
    } else if (last) {
      if (words > context) pieces.push({ type: 'same', text: head(parts, context) }, { type: 'gap' });
      else pieces.push(change);
    } else if (words > context * 2 + 4) {
      pieces.push(
        { type: 'same', text: head(parts, context) },
        { type: 'gap' },
        { type: 'same', text: tail(parts, context) },
      );
    } else {
      pieces.push(change);
    }
  });
  return pieces;
}
