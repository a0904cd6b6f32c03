import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { timeOrderedId } from './timeOrderedId.js';

describe('timeOrderedId', () => {
  it('makes version 7 UUIDs that zod accepts', () => {
    const id = timeOrderedId();
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(z.uuid().safeParse(id).success).toBe(true);
  });

  it('sorts in creation order within one millisecond, and when the clock stands still or goes back', () => {
    const at = Date.now() + 60_000;
    const ids = [
      ...Array.from({ length: 5000 }, () => timeOrderedId(at)),
      timeOrderedId(at - 10_000),
      timeOrderedId(at + 1),
    ];
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
