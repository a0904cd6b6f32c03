import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { coversStateVector, savedClocksFor, savedGaps } from './savedState.js';

const sv = (entries: [number, number][]) => new Map(entries);

describe('saved-state comparison', () => {
  it('answers the server clock for exactly the ids of the query, 0 for unknown ones', () => {
    const server = sv([
      [1, 10],
      [2, 5],
      [9, 3],
    ]);
    const answer = savedClocksFor(
      server,
      sv([
        [1, 12],
        [7, 4],
      ]),
    );
    expect([...answer]).toEqual([
      [1, 10],
      [7, 0],
    ]);
  });

  it('is covered only when every local clock is at or below the server clock', () => {
    const local = sv([
      [1, 10],
      [2, 5],
    ]);
    expect(
      coversStateVector(
        sv([
          [1, 10],
          [2, 5],
        ]),
        local,
      ),
    ).toBe(true);
    expect(
      coversStateVector(
        sv([
          [1, 11],
          [2, 7],
          [3, 1],
        ]),
        local,
      ),
    ).toBe(true);
    expect(
      coversStateVector(
        sv([
          [1, 9],
          [2, 5],
        ]),
        local,
      ),
    ).toBe(false);
    expect(coversStateVector(sv([[2, 5]]), local)).toBe(false);
    expect(coversStateVector(sv([]), sv([]))).toBe(true);
  });

  it('names each client id the server lacks content of', () => {
    const gaps = savedGaps(
      sv([
        [1, 10],
        [2, 5],
        [3, 2],
      ]),
      sv([
        [1, 4],
        [2, 5],
      ]),
    );
    expect(gaps).toEqual([
      { client: 1, local: 10, server: 4 },
      { client: 3, local: 2, server: 0 },
    ]);
  });

  it('sees content the server holds only as pending (it depends on content the server never got)', () => {
    const browser = new Y.Doc();
    const server = new Y.Doc();
    const text = browser.getText('t');
    text.insert(0, 'refused paste');
    const refused = Y.encodeStateAsUpdate(browser);
    const before = Y.encodeStateVector(browser);
    text.insert(13, ' and a small edit after it');
    const dependent = Y.encodeStateAsUpdate(browser, before);
    // The server got only the small edit: Yjs keeps it pending, so its state vector does not move.
    Y.applyUpdate(server, dependent);
    const local = Y.decodeStateVector(Y.encodeStateVector(browser));
    const answer = savedClocksFor(Y.decodeStateVector(Y.encodeStateVector(server)), local);
    expect(coversStateVector(answer, local)).toBe(false);
    Y.applyUpdate(server, refused);
    const after = savedClocksFor(Y.decodeStateVector(Y.encodeStateVector(server)), local);
    expect(coversStateVector(after, local)).toBe(true);
  });
});
