import { describe, expect, it } from 'vitest';
import { groupIcps, withOnePrimary } from './icpGroups.js';

const icp = (id: string, kind: 'icp' | 'negative' = 'icp', primary = false) => ({ id, kind, primary });

describe('groupIcps', () => {
  it('lists the primary ICP first and keeps the order of the others', () => {
    const { profiles } = groupIcps([icp('a'), icp('b'), icp('c', 'icp', true), icp('d')]);
    expect(profiles.map((i) => i.id)).toEqual(['c', 'a', 'b', 'd']);
  });

  it('puts negative ICPs in their own group, in order', () => {
    const { profiles, negatives } = groupIcps([icp('n1', 'negative'), icp('a'), icp('n2', 'negative')]);
    expect(profiles.map((i) => i.id)).toEqual(['a']);
    expect(negatives.map((i) => i.id)).toEqual(['n1', 'n2']);
  });

  it('never lists a negative ICP as the primary one, even if marked', () => {
    const { profiles, negatives } = groupIcps([icp('a'), icp('n', 'negative', true)]);
    expect(profiles.map((i) => i.id)).toEqual(['a']);
    expect(negatives.map((i) => i.id)).toEqual(['n']);
  });

  it('leaves an empty list empty', () => {
    expect(groupIcps([])).toEqual({ profiles: [], negatives: [] });
  });
});

describe('withOnePrimary', () => {
  it('clears the previous primary when another one is marked', () => {
    const list = [icp('a', 'icp', true), icp('b')];
    expect(withOnePrimary(list, icp('b', 'icp', true)).map((i) => i.primary)).toEqual([false, false]);
  });

  it('changes nothing when the mark is removed', () => {
    const list = [icp('a', 'icp', true), icp('b')];
    expect(withOnePrimary(list, icp('b'))).toEqual(list);
  });
});
