import { describe, expect, it } from 'vitest';
import { agendaMinutes, DEFAULT_AGENDA } from '@bullseye/shared';
import {
  addStep,
  agendaProblem,
  defaultDraft,
  moveStep,
  removeStep,
  stepProblem,
  toPlans,
  updateStep,
} from './agendaDraft.js';

describe('agenda draft', () => {
  it('starts from the default 90-minute agenda', () => {
    const draft = defaultDraft();
    expect(toPlans(draft)).toEqual(DEFAULT_AGENDA);
    expect(agendaMinutes(draft)).toBe(90);
    expect(agendaProblem(draft)).toBeNull();
  });

  it('adds after a step, removes, and moves within bounds', () => {
    const draft = defaultDraft();
    const added = addStep(draft, 0);
    expect(added).toHaveLength(8);
    expect(added[1]).toMatchObject({ title: 'New step', sections: ['evidence', 'notes'], kind: 'discuss' });
    expect(removeStep(added, 1).map((s) => s.key)).toEqual(draft.map((s) => s.key));
    const moved = moveStep(draft, 1, -1);
    expect(moved[0]!.title).toBe('Firmographics');
    expect(moveStep(draft, 0, -1).map((s) => s.key)).toEqual(draft.map((s) => s.key));
  });

  it('says what is wrong with a step, as the API would', () => {
    const draft = defaultDraft();
    expect(stepProblem(updateStep(draft, 0, { title: ' ' })[0]!)).toBe('The title must not be empty');
    expect(stepProblem(updateStep(draft, 0, { minutes: 0 })[0]!)).toBe('The minutes must be at least 1');
    expect(stepProblem(updateStep(draft, 0, { sections: [] })[0]!)).toBe(
      'The sections must name at least one section',
    );
    const rangesOnly = updateStep(draft, 1, { sections: ['employees', 'revenue'] });
    expect(stepProblem(rangesOnly[1]!)).toMatch(/brainstorm step needs a list or narrative/);
    expect(agendaProblem(rangesOnly)).toMatch(/^Step 2: /);
    expect(agendaProblem([])).toBe('The agenda needs at least one step');
  });
});
