import { describe, expect, it } from 'vitest';
import { copyTitle, kindIsFixed } from './kindText.js';

describe('copyTitle', () => {
  it('adds (copy)', () => {
    expect(copyTitle('Mid-market SaaS', 120)).toBe('Mid-market SaaS (copy)');
  });

  it('shortens a long title so the copy stays within the limit', () => {
    const title = copyTitle('x'.repeat(120), 120);
    expect(title).toHaveLength(120);
    expect(title.endsWith('x (copy)')).toBe(true);
  });

  it('never cuts a character in half', () => {
    // 111 letters and two emoji (two UTF-16 units each) leave room for one emoji only.
    expect(copyTitle(`${'a'.repeat(111)}😀😀`, 120)).toBe(`${'a'.repeat(111)}😀 (copy)`);
    expect(copyTitle(`${'a'.repeat(112)}😀😀`, 120)).toBe(`${'a'.repeat(112)} (copy)`);
  });
});

describe('kindIsFixed', () => {
  it('fixes the kind once a version is under review or approved', () => {
    expect(kindIsFixed({ review: { current: null, approved: null } })).toBe(false);
    expect(kindIsFixed({ review: { current: { versionId: 'v' }, approved: null } })).toBe(true);
    expect(kindIsFixed({ review: { current: null, approved: { versionId: 'v' } } })).toBe(true);
  });
});
