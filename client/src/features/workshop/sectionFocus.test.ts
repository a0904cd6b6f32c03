import { describe, expect, it } from 'vitest';
import type { WorkshopDto } from '@bullseye/shared';
import { currentSections, isFollowing, sectionFocus } from './sectionFocus.js';

function workshop(overrides: { locked?: boolean; facilitator?: boolean; participant?: boolean } = {}) {
  return {
    status: 'running',
    currentStep: 1,
    locked: overrides.locked ?? false,
    steps: [{ sections: ['evidence'] }, { sections: ['industries', 'employees'] }],
    you: {
      participant: overrides.participant ?? true,
      facilitator: overrides.facilitator ?? false,
      mayFacilitate: false,
      mayPropose: true,
    },
  } as unknown as WorkshopDto;
}

describe('isFollowing', () => {
  it('follows as a participant who has not stopped', () => {
    expect(isFollowing(workshop(), true)).toBe(true);
    expect(isFollowing(workshop(), false)).toBe(false);
  });
  it('never follows without joining, as the facilitator, or without a session', () => {
    expect(isFollowing(workshop({ participant: false }), true)).toBe(false);
    expect(isFollowing(workshop({ facilitator: true }), true)).toBe(false);
    expect(isFollowing(null, true)).toBe(false);
  });
});

describe('sectionFocus', () => {
  it('names the current step’s sections', () => {
    expect(currentSections(workshop())).toEqual(['industries', 'employees']);
    expect(currentSections(null)).toEqual([]);
  });

  it('dims the other sections only while following', () => {
    expect(sectionFocus(workshop(), true, 'goals')).toEqual({ current: false, dimmed: true, locked: false });
    expect(sectionFocus(workshop(), false, 'goals').dimmed).toBe(false);
    expect(sectionFocus(workshop(), true, 'industries')).toEqual({
      current: true,
      dimmed: false,
      locked: false,
    });
  });

  it('locks the other sections for everyone but the facilitator', () => {
    expect(sectionFocus(workshop({ locked: true }), false, 'goals').locked).toBe(true);
    expect(sectionFocus(workshop({ locked: true }), false, 'employees').locked).toBe(false);
    expect(sectionFocus(workshop({ locked: true, facilitator: true }), false, 'goals').locked).toBe(false);
  });

  it('changes nothing without a session', () => {
    expect(sectionFocus(null, true, 'goals')).toEqual({ current: false, dimmed: false, locked: false });
  });
});
