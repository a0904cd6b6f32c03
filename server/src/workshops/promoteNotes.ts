import * as Y from 'yjs';
import {
  IcpValueError,
  addListItem,
  collapseWhitespace,
  findSection,
  fragmentOf,
  readList,
  type ListSectionKey,
  type Provenance,
  type RichTextSectionKey,
  type SectionKey,
} from '@bullseye/shared';
import { conflict } from '../errors.js';

/** A note going into the ICP. */
export interface Promotion {
  section: SectionKey;
  text: string;
  provenance: Provenance;
}

/**
 * Writes promoted notes into the draft (inside the caller's change): a list section gets a
 * criterion carrying its provenance (a criterion with the same text already there is left as
 * it is: the team agreed on what the ICP already says); a narrative gets a paragraph at its end.
 */
export function promoteNotes(doc: Y.Doc, promotions: readonly Promotion[]): void {
  for (const p of promotions) {
    const section = findSection(p.section);
    if (section?.kind === 'list') {
      const key = p.section as ListSectionKey;
      const wanted = sameText(p.text);
      if (readList(doc, key).some((i) => sameText(i.text) === wanted)) continue;
      if (readList(doc, key).length >= section.maxItems) {
        throw conflict(
          'section_full',
          `${section.title} holds at most ${section.maxItems} entries; remove one first`,
        );
      }
      try {
        addListItem(doc, key, p.text, undefined, p.provenance);
      } catch (error) {
        if (error instanceof IcpValueError)
          throw conflict('cannot_promote', `${section.title}: ${error.message}`);
        throw error;
      }
    } else if (section?.kind === 'richText') {
      const fragment = fragmentOf(doc, p.section as RichTextSectionKey);
      const paragraph = new Y.XmlElement('paragraph');
      const text = new Y.XmlText();
      text.insert(0, p.text);
      paragraph.insert(0, [text]);
      fragment.insert(fragment.length, [paragraph]);
    }
  }
}

/** How the list rules compare criteria: whitespace collapsed, any case. */
function sameText(text: string): string {
  return collapseWhitespace(text).toLocaleLowerCase();
}
