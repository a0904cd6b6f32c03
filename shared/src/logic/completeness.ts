import type * as Y from 'yjs';
import { ICP_SECTIONS, type SectionDefinition } from '../icp/layout.js';
import { fragmentOf, readList, readRange } from '../icp/accessors.js';
import { fragmentToJson, richTextToPlain } from '../icp/fragment.js';

/** How far a section is from being useful: empty, present but vague or thin, or done. */
export type SectionStatus = 'empty' | 'thin' | 'complete';

export interface SectionCompleteness {
  key: string;
  status: SectionStatus;
  /** Why it is not complete, in words a workshop facilitator can read out. */
  advice: string | null;
}

/** Catch-all values that make a profile vague ("any company that needs our software"). */
const CATCH_ALL =
  /^(any|all|every|everyone|everybody|anyone|global|worldwide|various|other|n\/?a|tbd|misc)\b/i;

function listStatus(items: { text: string }[]): Omit<SectionCompleteness, 'key'> {
  if (items.length === 0) return { status: 'empty', advice: 'Nothing listed yet.' };
  const vague = items.find((i) => CATCH_ALL.test(i.text.trim()));
  if (vague) return { status: 'thin', advice: `"${vague.text}" is a catch-all; name the specific ones.` };
  return { status: 'complete', advice: null };
}

/** Completeness of one section of a document. */
export function sectionCompleteness(doc: Y.Doc, section: SectionDefinition): SectionCompleteness {
  const key = section.key;
  switch (section.kind) {
    case 'list':
      return { key, ...listStatus(readList(doc, section.key as never)) };
    case 'range': {
      const { min, max } = readRange(doc, section.key as never);
      if (min === null && max === null) return { key, status: 'empty', advice: 'No range set.' };
      if (min === null || max === null) {
        return { key, status: 'thin', advice: 'Set both a minimum and a maximum.' };
      }
      if (min === 0 && max >= section.max / 10) {
        return { key, status: 'thin', advice: 'This range covers almost everyone; narrow it.' };
      }
      return { key, status: 'complete', advice: null };
    }
    case 'richText': {
      const text = richTextToPlain(fragmentToJson(fragmentOf(doc, section.key as never)));
      if (text.length === 0)
        return {
          key,
          status: section.minChars === 0 ? 'complete' : 'empty',
          advice: section.minChars === 0 ? null : 'Not written yet.',
        };
      if (text.length < section.minChars) {
        return { key, status: 'thin', advice: 'A sentence or two more: be specific, quote customers.' };
      }
      return { key, status: 'complete', advice: null };
    }
  }
}

/** Completeness of every section, in page order, and the share of sections that are complete. */
export function icpCompleteness(doc: Y.Doc): { sections: SectionCompleteness[]; percent: number } {
  const sections = ICP_SECTIONS.map((s) => sectionCompleteness(doc, s));
  const complete = sections.filter((s) => s.status === 'complete').length;
  return { sections, percent: Math.round((complete / sections.length) * 100) };
}
