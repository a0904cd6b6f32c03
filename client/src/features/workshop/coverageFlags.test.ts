import { describe, expect, it } from 'vitest';
import type { WorkshopParticipantDto } from '@bullseye/shared';
import { coverageView } from './coverageFlags.js';

const person = (id: string, fn: WorkshopParticipantDto['function']): WorkshopParticipantDto => ({
  id,
  name: id,
  function: fn,
  role: 'editor',
  joinedAt: '2027-01-14T09:00:00.000Z',
});

describe('coverageView', () => {
  const coverage = [
    {
      section: 'industries' as const,
      byFunction: [
        { function: 'sales' as const, edits: 2, notes: 1, votes: 0 },
        { function: 'marketing' as const, edits: 0, notes: 0, votes: 3 },
      ],
    },
    { section: 'goals' as const, byFunction: [{ function: 'sales' as const, edits: 0, notes: 2, votes: 0 }] },
  ];

  it('sums each cell and flags sections only one function touched', () => {
    const view = coverageView(coverage, [], new Set());
    const industries = view.rows.find((r) => r.section === 'industries')!;
    expect(industries.cells.find((c) => c.function === 'sales')!.total).toBe(3);
    expect(industries.contributors).toEqual(['sales', 'marketing']);
    expect(industries.singleFunction).toBe(false);
    expect(view.rows.find((r) => r.section === 'goals')!.singleFunction).toBe(true);
    // Sections nobody touched are not "one function only".
    expect(view.rows.find((r) => r.section === 'revenue')!.singleFunction).toBe(false);
  });

  it('names functions that contributed nothing', () => {
    expect(coverageView(coverage, [], new Set()).silent).toEqual(['product', 'customer_success']);
  });

  it('counts a function present only when one of its participants is in the ICP now', () => {
    const people = [person('a', 'sales'), person('b', 'product'), person('c', null)];
    const view = coverageView(coverage, people, new Set(['a', 'c']));
    expect(view.present).toEqual(['sales']);
    expect(view.missing).toEqual(['marketing', 'customer_success']);
  });
});
