import type * as Y from 'yjs';
import { canonicalJson, exportFileName, icpToMarkdown, toCanonical } from '@bullseye/shared';

/** A download of the document as this browser holds it. */
export interface LocalCopyFile {
  name: string;
  type: string;
  body: string;
}

/** The note that replaces the version line: this copy is no version, and may differ from the server. */
function copyNote(at: Date): string {
  return `_Copy kept in this browser on ${at.toISOString().slice(0, 10)}. It may include changes the server does not have._`;
}

function baseName(title: string): string {
  return exportFileName(title, 0, 'md').replace(/-v0\.md$/, '-local-copy');
}

/** The ICP as this browser holds it, as Markdown (the same layout as a version's export). */
export function localCopyMarkdown(doc: Y.Doc, title: string, at = new Date()): LocalCopyFile {
  const markdown = icpToMarkdown({
    title,
    content: toCanonical(doc),
    version: { number: 0, name: null, createdAt: at.toISOString(), hash: '-' },
    approval: null,
  });
  return {
    name: `${baseName(title)}.md`,
    type: 'text/markdown;charset=utf-8',
    body: markdown.replace(/^[*_]Version 0 · .*$/m, copyNote(at)),
  };
}

/** The ICP as this browser holds it, as canonical JSON (what versions hash and export). */
export function localCopyJson(doc: Y.Doc, title: string, at = new Date()): LocalCopyFile {
  const body = {
    title,
    exportedAt: at.toISOString(),
    source: 'local copy from this browser; may include changes the server does not have',
    content: JSON.parse(canonicalJson(doc)) as unknown,
  };
  return {
    name: `${baseName(title)}.json`,
    type: 'application/json;charset=utf-8',
    body: `${JSON.stringify(body, null, 2)}\n`,
  };
}

/** Saves a file through the browser's download. */
export function downloadFile(file: LocalCopyFile): void {
  const url = URL.createObjectURL(new Blob([file.body], { type: file.type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
