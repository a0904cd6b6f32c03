import { describe, expect, it } from 'vitest';
import { defaultSignOffName, versionName, versionTitle } from './versionLabel.js';

describe('versionLabel', () => {
  it('uses the name people gave a version', () => {
    expect(versionTitle({ number: 3, name: 'Q1 2027 workshop', kind: 'named', restoredFrom: null })).toBe(
      'Version 3 · Q1 2027 workshop',
    );
  });

  it('calls unnamed automatic versions Automatic', () => {
    expect(versionName({ number: 4, name: null, kind: 'auto', restoredFrom: null })).toBe('Automatic');
  });

  it('keeps the name the server gave an automatic version', () => {
    expect(versionName({ number: 4, name: 'Before restoring v2', kind: 'auto', restoredFrom: null })).toBe(
      'Before restoring v2',
    );
  });

  it('says which version a restore brought back', () => {
    expect(versionName({ number: 6, name: null, kind: 'restore', restoredFrom: 2 })).toBe(
      'Restored version 2',
    );
  });

  it('offers a dated name for a sign-off version', () => {
    expect(defaultSignOffName(new Date(2026, 2, 12), () => '12 Mar 2026')).toBe('Sign-off 12 Mar 2026');
  });
});
