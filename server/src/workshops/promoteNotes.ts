import * as Y from 'yjs';
import {
  IcpValueError,
  addListItem,
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
      const exists = readList(doc, key).some(
        (i) => i.text.toLocaleLowerCase() === p.text.toLocaleLowerCase(),
      );
      if (exists) continue;
      try {
        addListItem(doc, key, p.text, undefined, p.provenance);
      } catch (error) {
        if (error instanceof IcpValueError)
          throw conflict('section_full', `${section.title}: ${error.message}`);
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
