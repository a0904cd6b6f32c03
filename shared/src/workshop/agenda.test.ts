import { describe, expect, it } from 'vitest';
import { ICP_SECTIONS } from '../icp/layout.js';
import { agendaStepPlanSchema } from '../validation/workshop.js';
import { DEFAULT_AGENDA, WORKSHOP_LIMITS, acceptsNotes, agendaMinutes, noteSections } from './agenda.js';

describe('default agenda', () => {
  it('fills a 90-minute workshop', () => {
    expect(agendaMinutes(DEFAULT_AGENDA)).toBe(90);
  });

  it('gives every brainstorm step a section that takes notes', () => {
    const brainstorms = DEFAULT_AGENDA.filter((step) => step.kind === 'brainstorm');
    expect(brainstorms.length).toBeGreaterThan(0);
    for (const step of brainstorms) expect(noteSections(step).length, step.title).toBeGreaterThan(0);
  });

  it('opens and closes with a discussion', () => {
    expect(DEFAULT_AGENDA[0]!.kind).toBe('discuss');
    expect(DEFAULT_AGENDA.at(-1)!.kind).toBe('discuss');
  });

  it('is an agenda the API itself would accept', () => {
    expect(DEFAULT_AGENDA.length).toBeLessThanOrEqual(WORKSHOP_LIMITS.maxSteps);
    for (const step of DEFAULT_AGENDA) {
      const result = agendaStepPlanSchema.safeParse(step);
      expect(result.success, step.title).toBe(true);
    }
  });

  it('covers every section of the ICP at least once', () => {
    const covered = new Set(DEFAULT_AGENDA.flatMap((step) => step.sections));
    for (const section of ICP_SECTIONS) expect(covered.has(section.key), section.key).toBe(true);
  });
});

describe('sections that take notes', () => {
  it('accepts lists and narratives but not ranges', () => {
    expect(acceptsNotes('industries')).toBe(true);
    expect(acceptsNotes('technologies')).toBe(true);
    expect(acceptsNotes('goals')).toBe(true);
    expect(acceptsNotes('notes')).toBe(true);
    expect(acceptsNotes('employees')).toBe(false);
    expect(acceptsNotes('revenue')).toBe(false);
  });

  it('accepts exactly the non-range sections', () => {
    for (const section of ICP_SECTIONS)
      expect(acceptsNotes(section.key), section.key).toBe(section.kind !== 'range');
  });

  it('keeps the step’s own order and drops ranges', () => {
    expect(noteSections({ sections: ['geographies', 'revenue', 'industries', 'employees'] })).toEqual([
      'geographies',
      'industries',
    ]);
    expect(noteSections({ sections: ['employees', 'revenue'] })).toEqual([]);
  });
});

describe('agenda minutes', () => {
  it('adds up the steps, 0 for none', () => {
    expect(agendaMinutes([])).toBe(0);
    expect(agendaMinutes([{ minutes: 5 }, { minutes: 12 }, { minutes: 1 }])).toBe(18);
  });
});
