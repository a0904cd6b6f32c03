import { describe, expect, it } from 'vitest';
import { isVersionsChanged } from './versionEvents.js';
import { comparePath, editorPath, versionPath } from './versionPaths.js';

describe('versionPaths', () => {
  it('builds the addresses of the version screens', () => {
    expect(versionPath('icp-1', 'v-2')).toBe('/icp/icp-1/versions/v-2');
    expect(versionPath('icp-1', 'v-2', { print: true })).toBe('/icp/icp-1/versions/v-2?print=1');
    expect(comparePath('icp-1', 'v-2', 'draft')).toBe('/icp/icp-1/compare?from=v-2&to=draft');
    expect(editorPath('icp-1', 'history')).toBe('/icp/icp-1?panel=history');
    expect(editorPath('icp-1')).toBe('/icp/icp-1');
  });
});

describe('isVersionsChanged', () => {
  it('hears version list changes of this ICP only', () => {
    expect(isVersionsChanged({ type: 'versions.changed', icpId: 'a' }, 'a')).toBe(true);
    expect(isVersionsChanged({ type: 'versions.changed', icpId: 'b' }, 'a')).toBe(false);
    expect(isVersionsChanged({ type: 'inbox.changed', unreadCount: 1 }, 'a')).toBe(false);
  });
});
