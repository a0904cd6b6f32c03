import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addListItem, writeRange } from '../icp/accessors.js';
import { toCanonical } from '../icp/canonical.js';
import { diffCanonical } from '../icp/diff.js';
import { icpToMarkdown } from '../icp/markdown.js';
import {
  writeAcceptableBand,
  writeDisqualifierRule,
  writeImportance,
  writeThresholds,
} from '../icp/scoringFields.js';
import { diffScoring } from './scoringDiff.js';

function icp() {
  const doc = new Y.Doc();
  addListItem(doc, 'industries', 'Fintech');
  writeRange(doc, 'employees', { min: 200, max: 1000 });
  const government = addListItem(doc, 'disqualifiers', 'Government');
  const sales = addListItem(doc, 'disqualifiers', 'No sales team');
  return { doc, government, sales };
}

describe('diffScoring', () => {
  it('says nothing when both versions score alike, even if one spells out a default', () => {
    const { doc } = icp();
    const before = toCanonical(doc);
    writeImportance(doc, 'industries', 'strong');
    writeThresholds(doc, { a: 80, b: 60, c: 40 });
    expect(diffScoring(before, toCanonical(doc))).toEqual([]);
    expect(diffCanonical(before, toCanonical(doc))).toEqual([]);
  });

  it('lists importances, acceptable bands, rules and grade thresholds that changed, in words', () => {
    const { doc, government, sales } = icp();
    const before = toCanonical(doc);
    writeImportance(doc, 'industries', 'must');
    writeImportance(doc, 'employees', 4.5);
    writeAcceptableBand(doc, 'employees', { min: 50, max: null });
    writeDisqualifierRule(doc, government.id, { field: 'industry', op: 'is', values: ['Public sector'] });
    writeThresholds(doc, { a: 85, b: 70, c: 50 });
    const after = toCanonical(doc);
    expect(diffScoring(before, after)).toEqual([
      { label: 'Industries: importance', before: 'Strong', after: 'Must have' },
      { label: 'Company size (employees): importance', before: 'Strong', after: 'Weight 4.5' },
      { label: 'Company size (employees): acceptable band', before: null, after: 'at least 50' },
      { label: 'Disqualifier “Government”', before: 'Manual check', after: 'Industry is Public sector' },
      { label: 'Grade thresholds', before: 'A ≥ 80 · B ≥ 60 · C ≥ 40', after: 'A ≥ 85 · B ≥ 70 · C ≥ 50' },
    ]);
    expect(diffScoring(before, after).map((c) => c.label)).not.toContain(`Disqualifier “${sales.text}”`);
    // The version diff carries them as one last "scoring" entry.
    const sections = diffCanonical(before, after);
    expect(sections.at(-1)).toMatchObject({ key: 'scoring', kind: 'scoring' });
  });
});

describe('the Markdown export', () => {
  it('writes how the version scores: importances, rules, manual checks, grades and the model hash', () => {
    const { doc, government } = icp();
    writeImportance(doc, 'industries', 'must');
    writeDisqualifierRule(doc, government.id, { field: 'employees', op: 'below', value: 10 });
    const markdown = icpToMarkdown({
      title: 'ICP',
      content: toCanonical(doc),
      version: { number: 1, name: null, createdAt: '2027-01-01T00:00:00.000Z', hash: 'b'.repeat(64) },
      approval: null,
    });
    const scoring = markdown.slice(markdown.indexOf('## Fit scoring'));
    expect(scoring).toContain('- Industries (Must have, weight 3): Industry is Fintech');
    expect(scoring).toContain('- Company size (employees) (Strong, weight 2): Employees 200–1,000');
    expect(scoring).toContain('- Disqualifier “Government”: Employees below 10');
    expect(scoring).toContain('- Manual check, not scored: No sales team');
    expect(scoring).toMatch(/Grades: A ≥ 80 · B ≥ 60 · C ≥ 40 · D below\. Model hash `[0-9a-f]{64}`/);
  });

  it('leaves scoring out of an ICP with nothing to score on', () => {
    const markdown = icpToMarkdown({
      title: 'Empty',
      content: toCanonical(new Y.Doc()),
      version: { number: 1, name: null, createdAt: '2027-01-01T00:00:00.000Z', hash: 'b'.repeat(64) },
      approval: null,
    });
    expect(markdown).not.toContain('Fit scoring');
  });
});
