import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { AutoVersions } from './autoVersions.js';
import { Room } from './room.js';

describe('AutoVersions', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function setup() {
    const recorded: string[] = [];
    const room = new Room('icp-1', 'workspace', new Y.Doc(), false);
    let state = 0;
    const auto = new AutoVersions(
      {
        intervalMs: 1000,
        record: (icpId) => {
          recorded.push(`${icpId}@${state}`);
          return Promise.resolve();
        },
      },
      () => Promise.resolve(new Uint8Array([state])),
    );
    return { recorded, room, auto, edit: () => (state++, auto.changed(room)) };
  }

  it('records once per interval of changes, with the state at the end of it', async () => {
    const { recorded, auto, edit } = setup();
    edit();
    await vi.advanceTimersByTimeAsync(500);
    edit();
    edit();
    expect(recorded).toEqual([]);
    await vi.advanceTimersByTimeAsync(500);
    expect(recorded).toEqual(['icp-1@3']);
    await vi.advanceTimersByTimeAsync(5000);
    expect(recorded).toEqual(['icp-1@3']);
    edit();
    await vi.advanceTimersByTimeAsync(1000);
    expect(recorded).toEqual(['icp-1@3', 'icp-1@4']);
    await auto.idle();
  });

  it('records at once when asked (the last editor left), and not again for the same changes', async () => {
    const { recorded, room, auto, edit } = setup();
    await auto.take(room, 'editorsLeft');
    expect(recorded).toEqual([]); // nothing changed
    edit();
    await auto.take(room, 'editorsLeft');
    expect(recorded).toEqual(['icp-1@1']);
    await vi.advanceTimersByTimeAsync(2000);
    expect(recorded).toEqual(['icp-1@1']);
    edit();
    auto.takeBeforeUnload(room, () => new Uint8Array([9]));
    await auto.idle();
    expect(recorded).toEqual(['icp-1@1', 'icp-1@2']);
  });

  it('logs a failing recording and keeps going', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const room = new Room('icp-2', 'workspace', new Y.Doc(), false);
    const auto = new AutoVersions(
      { intervalMs: 10, record: () => Promise.reject(new Error('database down')) },
      () => Promise.resolve(new Uint8Array()),
    );
    auto.changed(room);
    await vi.advanceTimersByTimeAsync(10);
    await auto.idle();
    expect(errors).toHaveBeenCalledWith('icp icp-2: automatic version failed', expect.any(Error));
    errors.mockRestore();
  });
});
