import { z } from 'zod';
import { ICP_SECTIONS, type SectionKey } from '../icp/layout.js';
import { FUNCTIONS, ROLES } from '../logic/roles.js';
import { STEP_KINDS, STEP_PHASES, WORKSHOP_LIMITS as L, acceptsNotes } from '../workshop/agenda.js';
import { personRefSchema } from './comments.js';
import { sectionDiffSchema } from './versions.js';

/**
 * Workshop sessions as the HTTP API accepts and answers them: starting one with an agenda, the
 * facilitator's actions, notes and votes, and the session as one participant may see it (hidden
 * notes and votes are never in another person's answer or event).
 */

const uuid = (what: string) => z.uuid({ message: `must be ${what} id (a UUID)` });
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const oneLine = (max: number) =>
  z
    .string({ message: 'must be a string' })
    .trim()
    .max(max, { message: `must be at most ${max} characters` })
    .refine((s) => !/[\n\r\t\u0085\u2028\u2029]/.test(s) && !CONTROL.test(s), {
      message: 'must be one line of plain text',
    });

const SECTION_KEYS = ICP_SECTIONS.map((s) => s.key) as [SectionKey, ...SectionKey[]];
export const sectionKeySchema = z.enum(SECTION_KEYS, { message: 'must be a section of the ICP' });

export const icpWorkshopsParamsSchema = z.object({ icpId: uuid('an ICP') });
export const workshopParamsSchema = z.object({ id: uuid('a workshop') });
export const workshopNoteParamsSchema = z.object({ id: uuid('a workshop'), noteId: uuid('a note') });

export const agendaStepPlanSchema = z.strictObject({
  title: oneLine(L.maxStepTitleLength).pipe(z.string().min(1, { message: 'must not be empty' })),
  sections: z
    .array(sectionKeySchema)
    .min(1, { message: 'must name at least one section' })
    .max(ICP_SECTIONS.length)
    .refine((keys) => new Set(keys).size === keys.length, { message: 'must not repeat a section' }),
  minutes: z
    .number({ message: 'must be a number of minutes' })
    .int({ message: 'must be whole minutes' })
    .min(L.minStepMinutes, { message: `must be at least ${L.minStepMinutes}` })
    .max(L.maxStepMinutes, { message: `must be at most ${L.maxStepMinutes}` }),
  kind: z.enum(STEP_KINDS, { message: `must be one of ${STEP_KINDS.join(', ')}` }),
  prompt: z
    .string({ message: 'must be a string' })
    .trim()
    .max(L.maxPromptLength, { message: `must be at most ${L.maxPromptLength} characters` })
    .refine((s) => !CONTROL.test(s), { message: 'must be plain text' })
    .default(''),
});

/** Starts a session; without an agenda, the default one (DEFAULT_AGENDA). */
export const startWorkshopBodySchema = z.strictObject({
  agenda: z
    .array(agendaStepPlanSchema)
    .min(1, { message: 'must have at least one step' })
    .max(L.maxSteps, { message: `must have at most ${L.maxSteps} steps` })
    .refine((steps) => steps.every((s) => s.kind !== 'brainstorm' || s.sections.some(acceptsNotes)), {
      message: 'a brainstorm step needs a list or narrative section (ranges take no notes)',
    })
    .optional(),
});
export type StartWorkshopBody = z.infer<typeof startWorkshopBodySchema>;

const versionName = oneLine(L.maxVersionNameLength).pipe(z.string().min(1, { message: 'must not be empty' }));

/** Everything done to a running session other than notes and votes, one action per request. */
export const workshopActionSchema = z.discriminatedUnion(
  'type',
  [
    /** Anyone who may read the ICP: take part (appear as a participant). */
    z.strictObject({ type: z.literal('join') }),
    /** Facilitator: hand over to an editor or admin; an editor or admin: take over (their own id). */
    z.strictObject({ type: z.literal('handOver'), userId: z.string().min(1).max(64) }),
    z.strictObject({ type: z.literal('pause') }),
    z.strictObject({ type: z.literal('resume') }),
    z.strictObject({
      type: z.literal('extend'),
      minutes: z.number().int({ message: 'must be whole minutes' }).min(1).max(L.maxExtendMinutes),
    }),
    /** Go to a step (next, back, or skip ahead); its timer starts from its timebox. */
    z.strictObject({
      type: z.literal('goToStep'),
      index: z
        .number()
        .int()
        .min(0)
        .max(L.maxSteps - 1),
    }),
    /** Lock the sections that are not on the current step (for everyone but the facilitator). */
    z.strictObject({ type: z.literal('lock'), locked: z.boolean({ message: 'must be true or false' }) }),
    z.strictObject({ type: z.literal('reveal') }),
    z.strictObject({ type: z.literal('merge'), noteId: uuid('a note'), intoId: uuid('a note') }),
    z.strictObject({
      type: z.literal('startVoting'),
      budget: z.number().int().min(1).max(L.maxVoteBudget).default(L.defaultVoteBudget),
      anonymous: z.boolean().default(false),
    }),
    z.strictObject({ type: z.literal('closeVoting') }),
    /** Adds these notes of the current step to the ICP, each in its section, with provenance. */
    z.strictObject({
      type: z.literal('promote'),
      noteIds: z.array(uuid('a note')).min(1, { message: 'must name at least one note' }).max(100),
    }),
    /** Ends the session: a named version, the summary, and the absent members' inbox. */
    z.strictObject({ type: z.literal('end'), versionName: versionName.optional() }),
  ],
  { error: () => ({ message: 'must be a known workshop action (see the API description)' }) },
);
export type WorkshopAction = z.infer<typeof workshopActionSchema>;

const noteText = z
  .string({ message: 'must be a string' })
  .trim()
  .min(1, { message: 'must not be empty' })
  .max(L.maxNoteLength, { message: `must be at most ${L.maxNoteLength} characters` })
  .refine((s) => !/[\n\r\t\u0085\u2028\u2029]/.test(s) && !CONTROL.test(s), {
    message: 'must be one line of plain text',
  });

export const createNoteBodySchema = z.strictObject({ section: sectionKeySchema, text: noteText });
export const updateNoteBodySchema = z.strictObject({ text: noteText });
export const voteBodySchema = z.strictObject({
  count: z
    .number({ message: 'must be a number' })
    .int({ message: 'must be a whole number' })
    .min(0)
    .max(L.maxVoteBudget),
});

// ---- answers ---------------------------------------------------------------------------------

const fn = z.enum(FUNCTIONS).nullable();
const personWithFunction = personRefSchema.extend({ function: fn });

export const workshopStepDtoSchema = z.object({
  id: z.string(),
  title: z.string(),
  sections: z.array(sectionKeySchema),
  minutes: z.number(),
  kind: z.enum(STEP_KINDS),
  prompt: z.string(),
  phase: z.enum(STEP_PHASES),
  /** Time spent on the step in earlier visits (the current visit is in the timer). */
  spentMs: z.number(),
  voteBudget: z.number(),
  anonymousVotes: z.boolean(),
  /** Notes of this step the caller may not see yet (others' notes before reveal). */
  hiddenNotes: z.number(),
  /** How many people wrote the hidden notes. */
  hiddenAuthors: z.number(),
  /** While voting: how many people have cast at least one vote, and the caller's unused votes. */
  voters: z.number(),
  myVotesLeft: z.number(),
});

export const workshopNoteDtoSchema = z.object({
  id: z.string(),
  stepId: z.string(),
  section: sectionKeySchema,
  text: z.string(),
  author: personWithFunction,
  mine: z.boolean(),
  createdAt: z.string(),
  /** Notes the facilitator merged into this one (duplicates), with their authors. */
  mergedFrom: z.array(z.object({ id: z.string(), text: z.string(), author: personWithFunction })),
  /** The caller's votes on it. */
  myVotes: z.number(),
  /** Total votes, once the round closed; null before. */
  votes: z.number().nullable(),
  /** Who voted, once the round closed and unless it was anonymous; null otherwise. */
  voters: z.array(personRefSchema).nullable(),
  promoted: z.object({ at: z.string(), by: personRefSchema }).nullable(),
});

export const workshopParticipantDtoSchema = personWithFunction.extend({
  role: z.enum(ROLES),
  joinedAt: z.string(),
});

/** Per section, per function: edits, notes and votes made during the session. */
export const workshopCoverageDtoSchema = z.array(
  z.object({
    section: sectionKeySchema,
    byFunction: z.array(
      z.object({ function: z.enum(FUNCTIONS), edits: z.number(), notes: z.number(), votes: z.number() }),
    ),
  }),
);

export const workshopSummaryDtoSchema = z.object({
  version: z.object({ id: z.string(), number: z.number(), name: z.string().nullable() }),
  durationMs: z.number(),
  /** What changed in the ICP from the start of the session to its end. */
  changes: z.array(sectionDiffSchema),
  steps: z.array(z.object({ title: z.string(), plannedMs: z.number(), spentMs: z.number() })),
  votes: z.array(
    z.object({
      stepTitle: z.string(),
      anonymous: z.boolean(),
      results: z.array(
        z.object({
          text: z.string(),
          section: sectionKeySchema,
          author: personRefSchema,
          votes: z.number(),
          promoted: z.boolean(),
        }),
      ),
    }),
  ),
  promoted: z.array(
    z.object({ text: z.string(), section: sectionKeySchema, author: personRefSchema, votes: z.number() }),
  ),
  notPromoted: z.number(),
  openThreads: z.array(z.object({ id: z.string(), excerpt: z.string(), author: personRefSchema.nullable() })),
  openThreadCount: z.number(),
  participants: z.array(personWithFunction),
  absent: z.array(personWithFunction),
});

export const workshopDtoSchema = z.object({
  id: z.string(),
  icpId: z.string(),
  status: z.enum(['running', 'ended']),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  startedBy: personRefSchema,
  facilitator: personRefSchema,
  steps: z.array(workshopStepDtoSchema),
  currentStep: z.number(),
  timer: z.object({
    status: z.enum(['running', 'paused']),
    durationMs: z.number(),
    elapsedMs: z.number(),
    serverTime: z.number(),
  }),
  /** Sections off the current step are locked for everyone but the facilitator. */
  locked: z.boolean(),
  participants: z.array(workshopParticipantDtoSchema),
  notes: z.array(workshopNoteDtoSchema),
  coverage: workshopCoverageDtoSchema,
  you: z.object({
    participant: z.boolean(),
    facilitator: z.boolean(),
    /** May facilitate (editor or admin, ICP not archived). */
    mayFacilitate: z.boolean(),
    /** May write notes and vote (commenter and up). */
    mayPropose: z.boolean(),
  }),
  summary: workshopSummaryDtoSchema.nullable(),
});

export const workshopListDtoSchema = z.object({
  /** The running session, as the caller sees it; null when none. */
  current: workshopDtoSchema.nullable(),
  /** Ended sessions, newest first. */
  past: z.array(
    z.object({
      id: z.string(),
      startedAt: z.string(),
      endedAt: z.string(),
      facilitator: personRefSchema,
      versionName: z.string().nullable(),
      participants: z.number(),
      promoted: z.number(),
    }),
  ),
});

export type WorkshopStepDto = z.infer<typeof workshopStepDtoSchema>;
export type WorkshopNoteDto = z.infer<typeof workshopNoteDtoSchema>;
export type WorkshopParticipantDto = z.infer<typeof workshopParticipantDtoSchema>;
export type WorkshopCoverageDto = z.infer<typeof workshopCoverageDtoSchema>;
export type WorkshopSummaryDto = z.infer<typeof workshopSummaryDtoSchema>;
export type WorkshopDto = z.infer<typeof workshopDtoSchema>;
export type WorkshopListDto = z.infer<typeof workshopListDtoSchema>;

/** Where a criterion came from when a workshop promoted it (kept on the list item as JSON). */
export const provenanceSchema = z.object({
  source: z.literal('workshop'),
  workshopId: z.string(),
  noteId: z.string(),
  proposedBy: personRefSchema,
  votes: z.number().int().min(0),
  at: z.string(),
});
export type Provenance = z.infer<typeof provenanceSchema>;
