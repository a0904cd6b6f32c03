import { diffWordsWithSpace } from 'diff';
import type { ListItem, RangeValue } from './accessors.js';
import type { CanonicalIcp } from './canonical.js';
import { canonicalStringify } from './canonical.js';
import { richTextToPlain, type RichTextNode } from './fragment.js';
import { ICP_SECTIONS } from './layout.js';
import type { SectionDiff, TextChange } from '../validation/versions.js';
import { diffScoring } from '../scoring/scoringDiff.js';

/**
 * What changed between two versions of an ICP, section by section in page order; unchanged
 * sections are left out. Criteria are matched by their stable ids (so a renamed chip is a change,
 * not a removal plus an addition); narrative sections are compared word by word on their text.
 * Scoring settings that changed (importances, bands, rules, grade thresholds) come last.
 */
export function diffCanonical(from: CanonicalIcp, to: CanonicalIcp): SectionDiff[] {
  const diffs: SectionDiff[] = [];
  for (const section of ICP_SECTIONS) {
    const before = from.sections[section.key];
    const after = to.sections[section.key];
    switch (section.kind) {
      case 'list': {
        const diff = diffList(asList(before), asList(after));
        if (diff.added.length || diff.removed.length || diff.changed.length) {
          diffs.push({ key: section.key, kind: 'list', ...diff });
        }
        break;
      }
      case 'range': {
        const a = asRange(before);
        const b = asRange(after);
        if (canonicalStringify(a) !== canonicalStringify(b)) {
          diffs.push({ key: section.key, kind: 'range', before: a, after: b });
        }
        break;
      }
      case 'richText': {
        const changes = diffText(plainText(before), plainText(after));
        if (changes.some((c) => c.type !== 'same'))
          diffs.push({ key: section.key, kind: 'richText', changes });
        break;
      }
    }
  }
  const scoring = diffScoring(from, to);
  if (scoring.length > 0) diffs.push({ key: 'scoring', kind: 'scoring', changes: scoring });
  return diffs;
}

/** Criteria added, removed and renamed, matched by id, in the order of the newer list. */
export function diffList(before: ListItem[], after: ListItem[]) {
  const old = new Map(before.map((item) => [item.id, item]));
  const now = new Set(after.map((item) => item.id));
  return {
    added: after.filter((item) => !old.has(item.id)),
    removed: before.filter((item) => !now.has(item.id)),
    changed: after
      .filter((item) => old.has(item.id) && old.get(item.id)!.text !== item.text)
      .map((item) => ({ id: item.id, before: old.get(item.id)!.text, after: item.text })),
  };
}

/** Word-level changes from `before` to `after`; whitespace runs count as words. */
export function diffText(before: string, after: string): TextChange[] {
  return diffWordsWithSpace(before, after).map((part) => ({
    type: part.added ? 'added' : part.removed ? 'removed' : 'same',
    text: part.value,
  }));
}

function asList(value: unknown): ListItem[] {
  return Array.isArray(value) ? (value as ListItem[]) : [];
}

function asRange(value: unknown): RangeValue {
  const range = (value ?? {}) as Partial<RangeValue>;
  const result: RangeValue = { min: range.min ?? null, max: range.max ?? null };
  if (range.currency) result.currency = range.currency;
  return result;
  // The acceptable band is a scoring setting: the scoring diff shows it.
}

function plainText(value: unknown): string {
  return value && typeof value === 'object' ? richTextToPlain(value as RichTextNode) : '';
}
