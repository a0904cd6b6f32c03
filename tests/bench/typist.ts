import * as Y from 'yjs';
import { colorForName, fragmentOf, sectionsOfKind, type RichTextSectionKey } from '@bullseye/shared';
import type { BenchClient } from './openClient.js';

export const NARRATIVE_SECTIONS: readonly RichTextSectionKey[] = sectionsOfKind('richText').map((s) => s.key);

const PROSE =
  'Mid-market logistics firms with 200 to 1000 employees that just raised a round and are hiring ' +
  'their first revenue operations lead, running a legacy TMS and losing deals to slow quoting. ';

/** Paragraph length at which the typist presses Enter, so paragraphs stay the size people write. */
const MAX_PARAGRAPH = 400;

/**
 * One person writing in the narrative, the way Tiptap + y-prosemirror store it: their own
 * paragraph (`Y.XmlElement('paragraph')` holding a `Y.XmlText`) in a rich-text section, typed into
 * one character per transaction at a caret, with the caret published in awareness as Yjs relative
 * positions (what the collaboration caret does) next to the Bullseye presence fields.
 */
export class Typist {
  private text!: Y.XmlText;
  private caret = 0;
  private proseIndex: number;

  constructor(
    readonly client: BenchClient,
    private section: RichTextSectionKey,
    private readonly name: string,
    private readonly random: () => number,
  ) {
    this.proseIndex = Math.floor(random() * PROSE.length);
  }

  /** Publishes presence and starts this person's paragraph (one document update). */
  begin(): void {
    this.client.provider.awareness.setLocalState({
      user: { name: this.name, color: colorForName(this.name) },
      section: this.section,
    });
    this.newParagraph(this.section);
  }

  /** Types one character at the caret: one transaction, so one update message. */
  type(): void {
    if (this.text.length >= MAX_PARAGRAPH) this.newParagraph(this.section);
    const char = PROSE[this.proseIndex++ % PROSE.length]!;
    this.text.insert(this.caret, char);
    this.caret++;
  }

  /** Backspace; types instead at the start of the paragraph, so every call is an edit. */
  erase(): void {
    if (this.caret === 0) return this.type();
    this.text.delete(this.caret - 1, 1);
    this.caret--;
  }

  /** Enter: a new paragraph at the end of `section`, where typing continues. */
  newParagraph(section: RichTextSectionKey): void {
    this.section = section;
    const paragraph = new Y.XmlElement('paragraph');
    const text = new Y.XmlText();
    paragraph.insert(0, [text]);
    fragmentOf(this.client.doc, section).push([paragraph]);
    this.text = text;
    this.caret = 0;
  }

  /** Clicks somewhere in the current paragraph and publishes the caret (one awareness update). */
  moveCursor(): void {
    this.caret = Math.floor(this.random() * (this.text.length + 1));
    const position = Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(this.text, this.caret));
    this.client.provider.awareness.setLocalStateField('section', this.section);
    this.client.provider.awareness.setLocalStateField('cursor', { anchor: position, head: position });
  }
}
