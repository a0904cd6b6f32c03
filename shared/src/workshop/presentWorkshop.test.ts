import { describe, expect, it } from 'vitest';
import type { IcpFunction } from '../logic/roles.js';
import { workshopDtoSchema, type WorkshopDto } from '../validation/workshop.js';
import type { StepPhase } from './agenda.js';
import {
  noteVisibleTo,
  presentWorkshop,
  votesVisible,
  type WorkshopNote,
  type WorkshopState,
  type WorkshopStep,
  type WorkshopViewer,
} from './presentWorkshop.js';
import { startTimer } from './timer.js';

const T0 = 1_800_000_000_000;
const ann = { id: 'ann', name: 'Ann', function: 'sales' as IcpFunction };
const bob = { id: 'bob', name: 'Bob', function: 'product' as IcpFunction };
const cat = { id: 'cat', name: 'Cat', function: 'marketing' as IcpFunction };
const fay = { id: 'fay', name: 'Fay', function: null };

function step(id: string, phase: StepPhase, extra: Partial<WorkshopStep> = {}): WorkshopStep {
  return {
    id,
    title: `Step ${id}`,
    sections: ['industries', 'geographies'],
    minutes: 10,
    kind: 'brainstorm',
    prompt: '',
    phase,
    spentMs: 0,
    voteBudget: 3,
    anonymousVotes: false,
    ...extra,
  };
}

let noteCounter = 0;
function note(
  stepId: string,
  author: WorkshopNote['author'],
  text: string,
  extra: Partial<WorkshopNote> = {},
) {
  noteCounter++;
  return {
    id: `note-${noteCounter}`,
    stepId,
    section: 'industries',
    text,
    author,
    createdAt: new Date(T0 + noteCounter * 1000).toISOString(),
    mergedInto: null,
    promotedAt: null,
    promotedBy: null,
    ...extra,
  } satisfies WorkshopNote;
}

function state(extra: Partial<WorkshopState>): WorkshopState {
  return {
    id: 'ws1',
    icpId: 'icp1',
    status: 'running',
    startedAt: new Date(T0).toISOString(),
    endedAt: null,
    startedBy: { id: fay.id, name: fay.name },
    facilitator: { id: fay.id, name: fay.name },
    steps: [step('s1', 'writing')],
    currentStep: 0,
    timer: startTimer(10 * 60_000, T0),
    locked: false,
    participants: [ann, bob, cat, fay].map((p) => ({
      ...p,
      role: 'editor',
      joinedAt: new Date(T0).toISOString(),
    })),
    notes: [],
    votes: [],
    edits: [],
    summary: null,
    ...extra,
  };
}

const as = (userId: string, extra: Partial<WorkshopViewer> = {}): WorkshopViewer => ({
  userId,
  mayFacilitate: false,
  mayPropose: true,
  ...extra,
});

function present(s: WorkshopState, userId: string): WorkshopDto {
  const dto = presentWorkshop(s, as(userId), T0 + 60_000);
  // Whatever the rules hide, the answer stays a valid DTO.
  expect(workshopDtoSchema.safeParse(dto).success).toBe(true);
  return dto;
}

const noteOf = (dto: WorkshopDto, id: string) => dto.notes.find((n) => n.id === id);

describe('notes before reveal', () => {
  const annSecret = note('s1', ann, 'Ann secret: Nordic fintech');
  const bobSecret = note('s1', bob, 'Bob secret: Series B SaaS');
  const bobOther = note('s1', bob, 'Bob other: DACH logistics', { section: 'geographies' });
  const writing = state({ notes: [annSecret, bobSecret, bobOther] });

  it('leaves another person’s note text nowhere in the answer', () => {
    for (const viewer of ['ann', 'cat', 'fay']) {
      const json = JSON.stringify(present(writing, viewer));
      expect(json, viewer).not.toContain('Bob secret');
      expect(json, viewer).not.toContain('Bob other');
      expect(json, viewer).not.toContain(bobSecret.id);
    }
    const json = JSON.stringify(present(writing, 'bob'));
    expect(json).not.toContain('Ann secret');
    expect(json).not.toContain(annSecret.id);
  });

  it('hides notes from the facilitator too', () => {
    const dto = presentWorkshop(writing, as('fay', { mayFacilitate: true }), T0);
    expect(dto.you.facilitator).toBe(true);
    expect(dto.notes).toEqual([]);
    expect(JSON.stringify(dto)).not.toContain('secret');
  });

  it('shows the author their own notes, marked as theirs', () => {
    const dto = present(writing, 'bob');
    expect(dto.notes.map((n) => n.text)).toEqual(['Bob secret: Series B SaaS', 'Bob other: DACH logistics']);
    expect(dto.notes.every((n) => n.mine)).toBe(true);
  });

  it('counts the hidden notes and how many people wrote them', () => {
    expect(present(writing, 'cat').steps[0]).toMatchObject({ hiddenNotes: 3, hiddenAuthors: 2 });
    expect(present(writing, 'ann').steps[0]).toMatchObject({ hiddenNotes: 2, hiddenAuthors: 1 });
    expect(present(writing, 'bob').steps[0]).toMatchObject({ hiddenNotes: 1, hiddenAuthors: 1 });
  });

  it('follows each step’s own phase', () => {
    const early = note('s1', bob, 'Early revealed idea');
    const later = note('s2', bob, 'Later hidden idea');
    const s = state({ steps: [step('s1', 'revealed'), step('s2', 'writing')], notes: [early, later] });
    const json = JSON.stringify(present(s, 'ann'));
    expect(json).toContain('Early revealed idea');
    expect(json).not.toContain('Later hidden idea');
    const dto = present(s, 'ann');
    expect(dto.steps.map((x) => x.hiddenNotes)).toEqual([0, 1]);
  });

  it('decides visibility with noteVisibleTo', () => {
    expect(noteVisibleTo(writing, bobSecret, 'bob')).toBe(true);
    expect(noteVisibleTo(writing, bobSecret, 'ann')).toBe(false);
    expect(noteVisibleTo(state({ ...writing, steps: [step('s1', 'revealed')] }), bobSecret, 'ann')).toBe(
      true,
    );
    expect(noteVisibleTo(state({ ...writing, status: 'ended' }), bobSecret, 'ann')).toBe(true);
    // A note of an unknown step is shown to its author only.
    const stray = note('nowhere', bob, 'Stray');
    expect(noteVisibleTo(writing, stray, 'ann')).toBe(false);
  });
});

describe('notes after reveal', () => {
  it('shows every note to everyone, with its author', () => {
    const a = note('s1', ann, 'Fintech');
    const b = note('s1', bob, 'Insurtech');
    for (const phase of ['revealed', 'voting', 'closed'] as const) {
      const s = state({ steps: [step('s1', phase)], notes: [a, b] });
      const dto = present(s, 'cat');
      expect(
        dto.notes.map((n) => [n.text, n.author.name, n.mine]),
        phase,
      ).toEqual([
        ['Fintech', 'Ann', false],
        ['Insurtech', 'Bob', false],
      ]);
      expect(dto.steps[0]).toMatchObject({ hiddenNotes: 0, hiddenAuthors: 0 });
    }
  });

  it('shows a merged note inside the one it was merged into, not on its own', () => {
    const survivor = note('s1', ann, 'Fintech');
    const dup = note('s1', bob, 'FinTech companies', { mergedInto: survivor.id });
    const s = state({ steps: [step('s1', 'revealed')], notes: [survivor, dup] });
    const dto = present(s, 'cat');
    expect(dto.notes.map((n) => n.id)).toEqual([survivor.id]);
    expect(noteOf(dto, survivor.id)!.mergedFrom).toEqual([
      { id: dup.id, text: 'FinTech companies', author: bob },
    ]);
  });
});

describe('votes', () => {
  const a = note('s1', ann, 'Fintech');
  const b = note('s1', bob, 'Insurtech');
  const c = note('s1', cat, 'Proptech');
  const votes = [
    { noteId: a.id, voterId: 'ann', count: 1 },
    { noteId: b.id, voterId: 'ann', count: 1 },
    { noteId: b.id, voterId: 'bob', count: 3 },
    { noteId: c.id, voterId: 'cat', count: 0 },
  ];
  const at = (phase: StepPhase, extra: Partial<WorkshopStep> = {}) =>
    state({ steps: [step('s1', phase, extra)], notes: [a, b, c], votes });

  it('hides totals and voters while voting, but shows each their own votes and what is left', () => {
    const dto = present(at('voting'), 'ann');
    for (const n of dto.notes) {
      expect(n.votes).toBeNull();
      expect(n.voters).toBeNull();
    }
    expect(dto.notes.map((n) => n.myVotes)).toEqual([1, 1, 0]);
    expect(dto.steps[0]!.myVotesLeft).toBe(1);
    // How many have voted is no hint at the tally; a 0 count is no vote.
    expect(dto.steps[0]!.voters).toBe(2);
    expect(present(at('voting'), 'bob').steps[0]!.myVotesLeft).toBe(0);
    expect(present(at('voting'), 'cat').steps[0]!.myVotesLeft).toBe(3);
    expect(present(at('voting'), 'cat').notes.map((n) => n.myVotes)).toEqual([0, 0, 0]);
  });

  it('offers no votes on a round the facilitator moved away from (votes are taken on the current step only)', () => {
    const moved = { ...at('voting'), steps: [step('s1', 'voting'), step('s2', 'writing')], currentStep: 1 };
    expect(present(moved, 'cat').steps[0]!.myVotesLeft).toBe(0);
  });

  it('never puts another person’s votes in the answer while voting', () => {
    const dto = present(at('voting'), 'cat');
    expect(dto.notes.map((n) => [n.myVotes, n.votes, n.voters])).toEqual([
      [0, null, null],
      [0, null, null],
      [0, null, null],
    ]);
    // Cat's view of the notes is the same as if nobody else had voted.
    const unvoted = present({ ...at('voting'), votes: [] }, 'cat');
    expect(dto.notes).toEqual(unvoted.notes);
  });

  it('shows totals and who voted once the round closes', () => {
    const dto = present(at('closed'), 'cat');
    expect(dto.notes.map((n) => [n.text, n.votes, n.voters])).toEqual([
      ['Fintech', 1, [{ id: 'ann', name: 'Ann' }]],
      [
        'Insurtech',
        4,
        [
          { id: 'ann', name: 'Ann' },
          { id: 'bob', name: 'Bob' },
        ],
      ],
      ['Proptech', 0, []],
    ]);
    expect(dto.steps[0]!.myVotesLeft).toBe(0);
  });

  it('shows totals but never who voted in an anonymous round', () => {
    expect(present(at('voting', { anonymousVotes: true }), 'ann').notes.map((n) => n.voters)).toEqual([
      null,
      null,
      null,
    ]);
    const dto = present(at('closed', { anonymousVotes: true }), 'ann');
    expect(dto.notes.map((n) => [n.votes, n.voters])).toEqual([
      [1, null],
      [4, null],
      [0, null],
    ]);
  });

  it('names a voter who left as a former member', () => {
    const s = { ...at('closed'), participants: at('closed').participants.filter((p) => p.id !== 'bob') };
    expect(noteOf(present(s, 'cat'), b.id)!.voters).toEqual([
      { id: 'ann', name: 'Ann' },
      { id: 'bob', name: 'Former member' },
    ]);
  });

  it('makes votes visible only when the round closed or the session ended', () => {
    expect(votesVisible(at('voting'), at('voting').steps[0]!)).toBe(false);
    expect(votesVisible(at('revealed'), at('revealed').steps[0]!)).toBe(false);
    expect(votesVisible(at('closed'), at('closed').steps[0]!)).toBe(true);
    const ended = { ...at('voting'), status: 'ended' as const };
    expect(votesVisible(ended, ended.steps[0]!)).toBe(true);
  });

  it('leaves no votes to spend outside a running vote', () => {
    expect(present(at('revealed'), 'cat').steps[0]!.myVotesLeft).toBe(0);
    expect(present({ ...at('voting'), status: 'ended' }, 'cat').steps[0]!.myVotesLeft).toBe(0);
  });
});

describe('coverage', () => {
  const cellOf = (dto: WorkshopDto, section: string, fn: IcpFunction) =>
    dto.coverage.find((c) => c.section === section)!.byFunction.find((f) => f.function === fn)!;

  it('lists every section for every function', () => {
    const dto = present(state({}), 'ann');
    expect(dto.coverage.length).toBeGreaterThan(0);
    for (const row of dto.coverage)
      expect(row.byFunction.map((f) => f.function)).toEqual([
        'sales',
        'marketing',
        'product',
        'customer_success',
      ]);
    expect(cellOf(dto, 'industries', 'sales')).toEqual({ function: 'sales', edits: 0, notes: 0, votes: 0 });
  });

  it('counts edits and notes per section and function of their author', () => {
    const s = state({
      steps: [step('s1', 'revealed')],
      notes: [
        note('s1', ann, 'One'),
        note('s1', ann, 'Two'),
        note('s1', ann, 'Three', { section: 'geographies' }),
        note('s1', fay, 'No function'),
      ],
      edits: [
        { section: 'goals', function: 'product', count: 4 },
        { section: 'goals', function: 'product', count: 1 },
      ],
    });
    const dto = present(s, 'bob');
    expect(cellOf(dto, 'industries', 'sales').notes).toBe(2);
    expect(cellOf(dto, 'geographies', 'sales').notes).toBe(1);
    expect(cellOf(dto, 'goals', 'product').edits).toBe(5);
    const total = dto.coverage.flatMap((c) => c.byFunction).reduce((sum, f) => sum + f.notes, 0);
    expect(total).toBe(3);
  });

  it('counts a round’s votes only once it closed', () => {
    const a = note('s1', ann, 'Fintech');
    const b = note('s2', bob, 'Germany', { section: 'geographies' });
    const s = state({
      steps: [step('s1', 'voting'), step('s2', 'closed')],
      notes: [a, b],
      votes: [
        { noteId: a.id, voterId: 'bob', count: 2 },
        { noteId: b.id, voterId: 'bob', count: 3 },
        { noteId: b.id, voterId: 'cat', count: 1 },
      ],
    });
    const dto = present(s, 'ann');
    expect(cellOf(dto, 'industries', 'product').votes).toBe(0);
    expect(cellOf(dto, 'geographies', 'product').votes).toBe(3);
    expect(cellOf(dto, 'geographies', 'marketing').votes).toBe(1);
    const ended = present({ ...s, status: 'ended' }, 'ann');
    expect(cellOf(ended, 'industries', 'product').votes).toBe(2);
  });
});

describe('ended session', () => {
  it('reveals every note and every vote', () => {
    const a = note('s1', ann, 'Still writing Ann');
    const b = note('s2', bob, 'Voting Bob');
    const s = state({
      status: 'ended',
      endedAt: new Date(T0 + 3_600_000).toISOString(),
      steps: [step('s1', 'writing'), step('s2', 'voting')],
      notes: [a, b],
      votes: [{ noteId: b.id, voterId: 'ann', count: 2 }],
    });
    const dto = present(s, 'cat');
    expect(dto.notes.map((n) => n.text)).toEqual(['Still writing Ann', 'Voting Bob']);
    expect(dto.steps.map((x) => x.hiddenNotes)).toEqual([0, 0]);
    expect(noteOf(dto, b.id)).toMatchObject({ votes: 2, voters: [{ id: 'ann', name: 'Ann' }] });
    expect(noteOf(dto, a.id)).toMatchObject({ votes: 0, voters: [] });
  });
});

describe('the rest of the session', () => {
  it('tells the viewer who they are and gives the timer at the server’s clock', () => {
    const s = state({});
    const dto = presentWorkshop(s, as('fay', { mayFacilitate: true, mayPropose: true }), T0 + 90_000);
    expect(dto.you).toEqual({ participant: true, facilitator: true, mayFacilitate: true, mayPropose: true });
    expect(dto.timer).toEqual({
      status: 'running',
      durationMs: 600_000,
      elapsedMs: 90_000,
      serverTime: T0 + 90_000,
    });
    const outsider = presentWorkshop(s, as('zed', { mayPropose: false }), T0);
    expect(outsider.you).toEqual({
      participant: false,
      facilitator: false,
      mayFacilitate: false,
      mayPropose: false,
    });
  });

  it('shows who promoted a note', () => {
    const promoted = note('s1', ann, 'Fintech', {
      promotedAt: new Date(T0).toISOString(),
      promotedBy: { id: 'fay', name: 'Fay' },
    });
    const dto = present(
      state({ steps: [step('s1', 'closed')], notes: [promoted, note('s1', bob, 'Other')] }),
      'cat',
    );
    expect(dto.notes.map((n) => n.promoted)).toEqual([
      { at: new Date(T0).toISOString(), by: { id: 'fay', name: 'Fay' } },
      null,
    ]);
  });
});
