/**
 * Version of the document layout and Tiptap schema. Bump it when a change would make an older
 * client write content a newer one cannot read; the server refuses clients that announce another.
 */
export const SCHEMA_VERSION = 1;
