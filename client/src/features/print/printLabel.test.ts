import { describe, expect, it } from 'vitest';
import { cssString, draftPrintLabel, printLabelText, versionPrintLabel } from './printLabel.js';

const HASH = 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90';

describe('draftPrintLabel', () => {
  it('says a draft with nothing approved is not approved', () => {
    expect(
      printLabelText(draftPrintLabel({ approved: null, comparison: 'none', printedAt: '3 Mar 2027' })),
    ).toBe('Draft, not approved · printed 3 Mar 2027 · no approved version yet');
  });

  it('names the approved version the draft changed since', () => {
    const label = draftPrintLabel({
      approved: { number: 3, hash: HASH },
      comparison: 'changed',
      printedAt: '3 Mar 2027',
    });
    expect(printLabelText(label)).toBe(
      'Draft, not approved · printed 3 Mar 2027 · changed since version 3 (approved)',
    );
    expect(label.tone).toBe('draft');
  });

  it('says when the draft is word for word the approved version', () => {
    expect(
      printLabelText(
        draftPrintLabel({ approved: { number: 3, hash: HASH }, comparison: 'same', printedAt: '3 Mar 2027' }),
      ),
    ).toBe('Draft, same as approved version 3 · printed 3 Mar 2027 · a1b2c3d4e5');
  });

  it('does not claim the draft is unchanged before the server has compared', () => {
    for (const comparison of ['checking', 'error'] as const) {
      expect(
        draftPrintLabel({ approved: { number: 2, hash: HASH }, comparison, printedAt: 'today' }).details,
      ).toContain('may differ from version 2 (approved)');
    }
  });
});

describe('versionPrintLabel', () => {
  it('prints an approved version with its approval date and short hash', () => {
    const label = versionPrintLabel({
      number: 3,
      name: 'Q1 2027 workshop',
      hash: HASH,
      savedAt: '1 Mar 2027',
      approvedAt: '2 Mar 2027',
      inReview: false,
    });
    expect(printLabelText(label)).toBe('Approved version 3 · 2 Mar 2027 · a1b2c3d4e5');
    expect(label.tone).toBe('approved');
  });

  it('says plainly that another version is not approved', () => {
    const base = { number: 4, name: 'Automatic', hash: HASH, savedAt: '1 Mar 2027', approvedAt: null };
    expect(printLabelText(versionPrintLabel({ ...base, inReview: false }))).toBe(
      'Version 4, not approved · Automatic · saved 1 Mar 2027 · a1b2c3d4e5',
    );
    expect(versionPrintLabel({ ...base, inReview: true }).headline).toBe(
      'Version 4, in review, not approved',
    );
  });
});

describe('cssString', () => {
  it('escapes what would end or break a CSS string', () => {
    expect(cssString('Say "hi" \\ now\nthen')).toBe('"Say \\"hi\\" \\\\ now then"');
    expect(cssString('a\u0000b\u001fc')).toBe('"abc"');
  });
});
