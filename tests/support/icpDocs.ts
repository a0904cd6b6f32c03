import * as Y from 'yjs';
import {
  canonicalJson,
  fragmentOf,
  fragmentToJson,
  richTextToPlain,
  type RichTextSectionKey,
} from '@bullseye/shared';

/** Appends a paragraph to a narrative section, as Tiptap would store it, in one transaction. */
export function appendParagraph(doc: Y.Doc, key: RichTextSectionKey, text: string): void {
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  fragmentOf(doc, key).push([paragraph]);
}

/** Plain text of each block of a narrative section. */
export function paragraphsOf(doc: Y.Doc, key: RichTextSectionKey): string[] {
  return (fragmentToJson(fragmentOf(doc, key)).content ?? []).map(richTextToPlain);
}

/** A document built from a full state update (e.g. to compare without a live client). */
export function docFromState(state: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return doc;
}

/**
 * What `part` holds that `container` lacks, described for a failure message; empty when
 * `container` already has all of it. Checks both the Yjs state vectors (inserted content per
 * client) and that merging `part` into a copy of `container` changes nothing (covers deletions).
 */
export function missingFrom(container: Y.Doc, part: Y.Doc): string[] {
  const have = Y.decodeStateVector(Y.encodeStateVector(container));
  const missing: string[] = [];
  for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVector(part))) {
    const held = have.get(client) ?? 0;
    if (held < clock) missing.push(`client ${client}: has ${held} of ${clock} items`);
  }
  const copy = docFromState(Y.encodeStateAsUpdate(container));
  try {
    const before = canonicalJson(copy);
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(part));
    const after = canonicalJson(copy);
    if (after !== before) missing.push(`merging changes the content:\n${before}\n${after}`);
  } finally {
    copy.destroy();
  }
  return missing;
}

/** The updates of one client typing `words` at the end of a plain Y.Text `t`, one update per word. */
export function typingUpdates(...words: string[]): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  for (const word of words) doc.getText('t').insert(doc.getText('t').length, word);
  doc.destroy();
  return updates;
}

/** The plain text `t` of a document, destroying the document. */
export function textOf(doc: Y.Doc): string {
  const text = doc.getText('t').toString();
  doc.destroy();
  return text;
}
