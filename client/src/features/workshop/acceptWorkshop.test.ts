import { describe, expect, it } from 'vitest';
import type { WorkshopDto } from '@bullseye/shared';
import { isNewer } from './acceptWorkshop.js';

const at = (id: string, serverTime: number, status: WorkshopDto['status'] = 'running') =>
  ({ id, status, timer: { status: 'running', durationMs: 1, elapsedMs: 0, serverTime } }) as WorkshopDto;

describe('isNewer', () => {
  it('takes anything when nothing is shown, or another session', () => {
    expect(isNewer(null, at('a', 1))).toBe(true);
    expect(isNewer(at('a', 5), at('b', 1))).toBe(true);
  });

  it('keeps the newer of two states of one session', () => {
    expect(isNewer(at('a', 5), at('a', 4))).toBe(false);
    expect(isNewer(at('a', 5), at('a', 5))).toBe(true);
    expect(isNewer(at('a', 5), at('a', 6))).toBe(true);
  });

  it('never brings an ended session back to running', () => {
    expect(isNewer(at('a', 5, 'ended'), at('a', 9))).toBe(false);
  });
});
