import { describe, expect, it } from 'vitest';
import { DEFAULT_AGENDA } from '../workshop/agenda.js';
import {
  createNoteBodySchema,
  provenanceSchema,
  startWorkshopBodySchema,
  updateNoteBodySchema,
  voteBodySchema,
  workshopActionSchema,
  workshopNoteParamsSchema,
} from './workshop.js';

const UUID = '3f2b8c1e-5d4a-4b6f-9e2a-1c3d5e7f9a0b';
const UUID2 = '7a1d2e3f-4b5c-4d6e-8f90-a1b2c3d4e5f6';

function issue(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  const first = result.error?.issues[0];
  return first ? { path: first.path.join('.'), message: first.message } : undefined;
}

const brainstorm = {
  title: 'Firmographics',
  sections: ['industries', 'employees'],
  minutes: 15,
  kind: 'brainstorm',
  prompt: 'Who are they?',
};

describe('starting a workshop', () => {
  it('accepts no agenda (the default one is used) and the default agenda itself', () => {
    const empty = startWorkshopBodySchema.safeParse({});
    expect(empty.success).toBe(true);
    expect(empty.data?.agenda).toBeUndefined();
    expect(startWorkshopBodySchema.safeParse({ agenda: DEFAULT_AGENDA }).success).toBe(true);
  });

  it('trims titles and fills in an empty prompt', () => {
    const { prompt: _prompt, ...withoutPrompt } = brainstorm;
    const result = startWorkshopBodySchema.parse({
      agenda: [{ ...withoutPrompt, title: '  Firmographics  ' }],
    });
    expect(result.agenda![0]).toEqual({ ...brainstorm, prompt: '' });
  });

  it('names the field that is wrong', () => {
    const cases: [unknown, string][] = [
      [{ agenda: [] }, 'agenda'],
      [{ agenda: Array.from({ length: 21 }, () => brainstorm) }, 'agenda'],
      [{ agenda: [{ ...brainstorm, title: '   ' }] }, 'agenda.0.title'],
      [{ agenda: [{ ...brainstorm, title: 'x'.repeat(81) }] }, 'agenda.0.title'],
      [{ agenda: [{ ...brainstorm, title: 'Two\nlines' }] }, 'agenda.0.title'],
      [{ agenda: [brainstorm, { ...brainstorm, sections: [] }] }, 'agenda.1.sections'],
      [{ agenda: [{ ...brainstorm, sections: ['industries', 'budget'] }] }, 'agenda.0.sections.1'],
      [{ agenda: [{ ...brainstorm, minutes: 0 }] }, 'agenda.0.minutes'],
      [{ agenda: [{ ...brainstorm, minutes: 121 }] }, 'agenda.0.minutes'],
      [{ agenda: [{ ...brainstorm, minutes: 2.5 }] }, 'agenda.0.minutes'],
      [{ agenda: [{ ...brainstorm, minutes: '10' }] }, 'agenda.0.minutes'],
      [{ agenda: [{ ...brainstorm, kind: 'vote' }] }, 'agenda.0.kind'],
      [{ agenda: [{ ...brainstorm, prompt: 'x'.repeat(301) }] }, 'agenda.0.prompt'],
      [{ agenda: [{ ...brainstorm, prompt: 'a\u0000b' }] }, 'agenda.0.prompt'],
      [{ agenda: [{ ...brainstorm, owner: 'ann' }] }, 'agenda.0'],
      [{ agenda: [brainstorm], facilitator: 'ann' }, ''],
    ];
    for (const [body, path] of cases) {
      const result = startWorkshopBodySchema.safeParse(body);
      expect(result.success, JSON.stringify(body).slice(0, 120)).toBe(false);
      expect(issue(result)?.path, JSON.stringify(body).slice(0, 120)).toBe(path);
    }
  });

  it('lets a prompt run over several lines', () => {
    expect(
      startWorkshopBodySchema.safeParse({ agenda: [{ ...brainstorm, prompt: 'Who?\nWhy?' }] }).success,
    ).toBe(true);
  });

  it('refuses a brainstorm step on range sections only, but not a discussion', () => {
    const ranges = { ...brainstorm, sections: ['employees', 'revenue'] };
    const result = startWorkshopBodySchema.safeParse({ agenda: [brainstorm, ranges] });
    expect(result.success).toBe(false);
    expect(issue(result)).toEqual({
      path: 'agenda',
      message: 'a brainstorm step needs a list or narrative section (ranges take no notes)',
    });
    expect(startWorkshopBodySchema.safeParse({ agenda: [{ ...ranges, kind: 'discuss' }] }).success).toBe(
      true,
    );
  });

  it('refuses a step that repeats a section', () => {
    const result = startWorkshopBodySchema.safeParse({
      agenda: [{ ...brainstorm, sections: ['industries', 'geographies', 'industries'] }],
    });
    expect(issue(result)).toEqual({ path: 'agenda.0.sections', message: 'must not repeat a section' });
  });
});

describe('workshop actions', () => {
  it('accepts each action', () => {
    for (const action of [
      { type: 'join' },
      { type: 'handOver', userId: 'user-1' },
      { type: 'pause' },
      { type: 'resume' },
      { type: 'extend', minutes: 5 },
      { type: 'goToStep', index: 0 },
      { type: 'lock', locked: true },
      { type: 'reveal' },
      { type: 'merge', noteId: UUID, intoId: UUID2 },
      { type: 'startVoting', budget: 5, anonymous: true },
      { type: 'closeVoting' },
      { type: 'promote', noteIds: [UUID] },
      { type: 'end' },
      { type: 'end', versionName: 'After the workshop' },
    ]) {
      expect(workshopActionSchema.safeParse(action).success, action.type).toBe(true);
    }
  });

  it('starts a vote with 3 votes each, not anonymous, unless told otherwise', () => {
    expect(workshopActionSchema.parse({ type: 'startVoting' })).toEqual({
      type: 'startVoting',
      budget: 3,
      anonymous: false,
    });
    expect(workshopActionSchema.parse({ type: 'startVoting', anonymous: true })).toEqual({
      type: 'startVoting',
      budget: 3,
      anonymous: true,
    });
  });

  it('names the field that is wrong', () => {
    const cases: [unknown, string][] = [
      [{ type: 'extend', minutes: 0 }, 'minutes'],
      [{ type: 'extend', minutes: 61 }, 'minutes'],
      [{ type: 'extend', minutes: 1.5 }, 'minutes'],
      [{ type: 'extend' }, 'minutes'],
      [{ type: 'goToStep', index: -1 }, 'index'],
      [{ type: 'goToStep', index: 20 }, 'index'],
      [{ type: 'lock', locked: 'yes' }, 'locked'],
      [{ type: 'handOver', userId: '' }, 'userId'],
      [{ type: 'merge', noteId: 'not-a-uuid', intoId: UUID }, 'noteId'],
      [{ type: 'merge', noteId: UUID, intoId: 7 }, 'intoId'],
      [{ type: 'startVoting', budget: 0 }, 'budget'],
      [{ type: 'startVoting', budget: 11 }, 'budget'],
      [{ type: 'startVoting', anonymous: 'no' }, 'anonymous'],
      [{ type: 'promote', noteIds: [] }, 'noteIds'],
      [{ type: 'promote', noteIds: [UUID, 'x'] }, 'noteIds.1'],
      [{ type: 'end', versionName: '  ' }, 'versionName'],
      [{ type: 'end', versionName: 'Line\nbreak' }, 'versionName'],
      [{ type: 'pause', minutes: 3 }, ''],
    ];
    for (const [action, path] of cases) {
      const result = workshopActionSchema.safeParse(action);
      expect(result.success, JSON.stringify(action)).toBe(false);
      expect(issue(result)?.path, JSON.stringify(action)).toBe(path);
    }
  });

  it('refuses an unknown action in words', () => {
    for (const action of [{ type: 'shuffle' }, {}, null]) {
      const result = workshopActionSchema.safeParse(action);
      expect(result.success).toBe(false);
      expect(issue(result)?.message).toBe('must be a known workshop action (see the API description)');
    }
  });
});

describe('notes and votes', () => {
  it('accepts a one-line note for a section, trimmed', () => {
    expect(createNoteBodySchema.parse({ section: 'industries', text: '  Nordic fintech  ' })).toEqual({
      section: 'industries',
      text: 'Nordic fintech',
    });
    expect(createNoteBodySchema.safeParse({ section: 'goals', text: 'x'.repeat(200) }).success).toBe(true);
  });

  it('names the field that is wrong', () => {
    const cases: [unknown, string, string][] = [
      [{ section: 'budget', text: 'x' }, 'section', 'must be a section of the ICP'],
      [{ section: 'industries', text: '   ' }, 'text', 'must not be empty'],
      [{ section: 'industries', text: 'x'.repeat(201) }, 'text', 'must be at most 200 characters'],
      [{ section: 'industries', text: 'Nordic\nfintech' }, 'text', 'must be one line of plain text'],
      [{ section: 'industries', text: 'Nordic\r\nfintech' }, 'text', 'must be one line of plain text'],
      [{ section: 'industries', text: 'Nordic\tfintech' }, 'text', 'must be one line of plain text'],
      [{ section: 'industries', text: 'Nordic\u0007fintech' }, 'text', 'must be one line of plain text'],
      [{ section: 'industries', text: 42 }, 'text', 'must be a string'],
      [{ section: 'industries', text: 'ok', stepId: UUID }, '', ''],
    ];
    for (const [body, path, message] of cases) {
      const result = createNoteBodySchema.safeParse(body);
      expect(result.success, JSON.stringify(body).slice(0, 80)).toBe(false);
      expect(issue(result)?.path, JSON.stringify(body).slice(0, 80)).toBe(path);
      if (message) expect(issue(result)?.message).toBe(message);
    }
  });

  it('applies the same rules when a note is edited', () => {
    expect(updateNoteBodySchema.safeParse({ text: 'Fintech' }).success).toBe(true);
    expect(issue(updateNoteBodySchema.safeParse({ text: 'Two\nlines' }))?.path).toBe('text');
    expect(updateNoteBodySchema.safeParse({ text: 'Fintech', section: 'goals' }).success).toBe(false);
  });

  it('accepts whole vote counts from 0 to the largest budget', () => {
    expect(voteBodySchema.safeParse({ count: 0 }).success).toBe(true);
    expect(voteBodySchema.safeParse({ count: 10 }).success).toBe(true);
    for (const count of [-1, 11, 1.5, '2', null]) {
      const result = voteBodySchema.safeParse({ count });
      expect(result.success, String(count)).toBe(false);
      expect(issue(result)?.path).toBe('count');
    }
  });

  it('checks the ids in the path', () => {
    expect(workshopNoteParamsSchema.safeParse({ id: UUID, noteId: UUID2 }).success).toBe(true);
    expect(issue(workshopNoteParamsSchema.safeParse({ id: UUID, noteId: 'abc' }))).toEqual({
      path: 'noteId',
      message: 'must be a note id (a UUID)',
    });
  });
});

describe('provenance', () => {
  it('records where a promoted criterion came from', () => {
    const provenance = {
      source: 'workshop',
      workshopId: 'w1',
      noteId: 'n1',
      proposedBy: { id: 'ann', name: 'Ann' },
      votes: 4,
      at: '2026-12-03T17:00:00.000Z',
    };
    expect(provenanceSchema.safeParse(provenance).success).toBe(true);
    expect(provenanceSchema.safeParse({ ...provenance, votes: -1 }).success).toBe(false);
    expect(provenanceSchema.safeParse({ ...provenance, source: 'import' }).success).toBe(false);
  });
});
