import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { addListItem } from '@bullseye/shared';
import { localCopyJson, localCopyMarkdown } from './localCopy.js';

describe('local copy downloads', () => {
  const doc = new Y.Doc();
  addListItem(doc, 'industries', 'Fintech');
  const at = new Date('2026-03-04T10:00:00Z');

  it('writes Markdown with a note instead of a version line', () => {
    const file = localCopyMarkdown(doc, 'Énergie ICP', at);
    expect(file.name).toBe('energie-icp-local-copy.md');
    expect(file.body).toContain('# Énergie ICP');
    expect(file.body).toContain('Copy kept in this browser on 2026-03-04');
    expect(file.body).not.toContain('Version 0');
    expect(file.body).toContain('Fintech');
  });

  it('writes canonical JSON content', () => {
    const file = localCopyJson(doc, 'Énergie ICP', at);
    expect(file.name).toBe('energie-icp-local-copy.json');
    const parsed = JSON.parse(file.body) as { content: { sections: { industries: { text: string }[] } } };
    expect(parsed.content.sections.industries.map((i) => i.text)).toEqual(['Fintech']);
  });
});
