import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SAVED_QUERY_DELAY_MS, SaveTracker, type SavedStateProbe, type StateVector } from './saveTracker.js';

const ME = 7;
const PEER = 9;
const sv = (entries: [number, number][]): StateVector => new Map(entries);

/** A tracker on an open, synced socket, with a probe that records what it is asked. */
function setup() {
  const tracker = new SaveTracker();
  let local = sv([[ME, 0]]);
  const queries: StateVector[] = [];
  const resent: StateVector[] = [];
  const probe: SavedStateProbe & { stopped: number; resendOk: boolean } = {
    stopped: 0,
    resendOk: true,
    query: () => {
      queries.push(local);
      return local;
    },
    resend: (server) => {
      resent.push(server);
      if (probe.resendOk) tracker.sentDocUpdate(socket);
      return probe.resendOk;
    },
    stop: () => probe.stopped++,
  };
  const socket = {} as WebSocket;
  tracker.attach(probe);
  tracker.opened(socket);
  tracker.connectionStatus('connected');
  tracker.syncedChanged(true);
  return {
    tracker,
    probe,
    queries,
    resent,
    socket,
    /** The browser types: its state vector moves, one update goes out. */
    type(clock: number) {
      local = sv([[ME, clock]]);
      tracker.sentDocUpdate(socket);
      tracker.localEdit();
    },
    setLocal(next: StateVector) {
      local = next;
    },
    save: () => tracker.status.save,
  };
}

describe('SaveTracker', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('says saved only after the server clocks cover the local state vector', () => {
    const t = setup();
    t.type(5);
    expect(t.save()).toBe('saving');
    t.tracker.acknowledged(1);
    // Counts say everything arrived, but nobody has compared clocks yet.
    expect(t.save()).toBe('saving');
    expect(t.queries).toHaveLength(0);
    vi.advanceTimersByTime(SAVED_QUERY_DELAY_MS);
    expect(t.queries).toEqual([sv([[ME, 5]])]);
    expect(t.save()).toBe('saving');
    t.tracker.savedState(sv([[ME, 5]]));
    expect(t.save()).toBe('saved');
  });

  it('never says saved while the local state vector is ahead of the server answer', () => {
    const t = setup();
    t.type(5);
    t.tracker.acknowledged(1);
    vi.advanceTimersByTime(SAVED_QUERY_DELAY_MS);
    t.tracker.savedState(sv([[ME, 3]]));
    // A gap: what the server lacks is sent once more, and the status keeps saying "Saving…".
    expect(t.resent).toEqual([sv([[ME, 3]])]);
    expect(t.save()).toBe('saving');
    t.tracker.acknowledged(2);
    vi.advanceTimersByTime(SAVED_QUERY_DELAY_MS);
    expect(t.queries).toHaveLength(2);
    t.tracker.savedState(sv([[ME, 3]]));
    // The gap did not close: sync pauses and the page offers what to do.
    expect(t.save()).toBe('unsaved');
    expect(t.tracker.status).toMatchObject({ connection: 'paused', unsaved: 'notStored' });
    expect(t.probe.stopped).toBe(1);
    // Nothing that happens on the socket afterwards makes it say saved.
    t.tracker.acknowledged(10);
    t.tracker.connectionStatus('connected');
    t.tracker.savedState(sv([[ME, 5]]));
    expect(t.save()).toBe('unsaved');
  });

  it('compares with the state vector it asked about: an edit while the answer travels keeps it saving', () => {
    const t = setup();
    t.type(5);
    t.tracker.acknowledged(1);
    vi.advanceTimersByTime(SAVED_QUERY_DELAY_MS);
    t.type(6);
    t.tracker.savedState(sv([[ME, 5]]));
    expect(t.save()).toBe('saving');
    t.tracker.acknowledged(2);
    vi.advanceTimersByTime(SAVED_QUERY_DELAY_MS);
    t.tracker.savedState(sv([[ME, 6]]));
    expect(t.save()).toBe('saved');
  });

  it('waits for a pause in typing before asking', () => {
    const t = setup();
    for (let i = 1; i <= 5; i++) {
      t.type(i);
      t.tracker.acknowledged(i);
      vi.advanceTimersByTime(SAVED_QUERY_DELAY_MS / 2);
    }
    expect(t.queries).toHaveLength(0);
    vi.advanceTimersByTime(SAVED_QUERY_DELAY_MS);
    expect(t.queries).toHaveLength(1);
  });

  it('checks again after a reconnect sync, and content from the browser copy needs a check', () => {
    const t = setup();
    t.tracker.sentDocUpdate(t.socket); // the sync step 2
    t.tracker.acknowledged(1);
    vi.runAllTimers();
    t.tracker.savedState(sv([[ME, 0]]));
    expect(t.save()).toBe('saved');

    // IndexedDB adds content the server has never confirmed.
    t.setLocal(
      sv([
        [ME, 0],
        [PEER, 40],
      ]),
    );
    t.tracker.localCopyChanged();
    expect(t.save()).toBe('saving');

    const next = {} as WebSocket;
    t.tracker.connectionStatus('disconnected');
    t.tracker.opened(next);
    t.tracker.connectionStatus('connected');
    t.tracker.syncedChanged(true);
    t.tracker.sentDocUpdate(next);
    t.tracker.acknowledged(1);
    vi.runAllTimers();
    expect(t.queries).toHaveLength(2);
    t.tracker.savedState(
      sv([
        [ME, 0],
        [PEER, 40],
      ]),
    );
    expect(t.save()).toBe('saved');
  });

  it('ignores an answer meant for an earlier socket', () => {
    const t = setup();
    t.type(1);
    t.tracker.acknowledged(1);
    vi.runAllTimers();
    t.tracker.opened({} as WebSocket);
    t.tracker.savedState(sv([[ME, 1]]));
    expect(t.save()).not.toBe('saved');
  });

  it('pauses with the reason when a change is too large, and retry starts over', () => {
    const t = setup();
    t.type(1);
    t.tracker.pause('changeTooLarge');
    expect(t.tracker.status).toMatchObject({
      save: 'unsaved',
      connection: 'paused',
      unsaved: 'changeTooLarge',
    });
    t.tracker.pause('notStored');
    expect(t.tracker.status.unsaved).toBe('changeTooLarge');
    t.tracker.offline();
    expect(t.tracker.status.connection).toBe('paused');
    t.tracker.retry();
    expect(t.tracker.status).toMatchObject({ connection: 'connecting', unsaved: null });
    expect(t.save()).not.toBe('saved');
  });

  it('keeps offline edits as "Saved on this device", never "saved"', () => {
    const t = setup();
    t.tracker.offline();
    t.type(3);
    expect(t.save()).toBe('local');
  });
});
