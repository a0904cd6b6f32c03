import { describe, expect, it } from 'vitest';
import { contributionsMapView } from './contributionsMap.js';

describe('contributionsMapView', () => {
  it('lists the sections someone contributed to in page order, with counts per function and flags', () => {
    const view = contributionsMapView({
      contributions: [
        { section: 'goals', function: 'marketing', edits: 3, comments: 1 },
        { section: 'industries', function: 'sales', edits: 5, comments: 0 },
        { section: 'industries', function: 'product', edits: 0, comments: 2 },
      ],
      signOffReasons: [{ function: 'customer_success', count: 1 }],
    });
    expect(view.rows.map((r) => [r.section, r.counts, r.singleFunction])).toEqual([
      ['industries', [5, 0, 2, 0], false],
      ['goals', [0, 4, 0, 0], true],
    ]);
    expect(view.signOffReasons).toEqual([0, 0, 0, 1]);
    // Customer success gave a reason at sign-off: not silent.
    expect(view.silent).toEqual([]);
    expect(view.untouched).toContain('Company size (employees)');
    expect(view.untouched).not.toContain('Industries');
  });

  it('names the functions that have contributed nothing', () => {
    const view = contributionsMapView({
      contributions: [{ section: 'industries', function: 'sales', edits: 2, comments: 0 }],
      signOffReasons: [],
    });
    expect(view.silent).toEqual(['marketing', 'product', 'customer_success']);
  });
});
