import { ICP_SECTIONS, type SectionKey } from '../icp/layout.js';

/**
 * A workshop's agenda: ordered steps, each on one or more sections of the one-page ICP, with a
 * timebox. A `discuss` step is talked through and edited live; a `brainstorm` step starts with
 * silent writing (notes hidden until revealed), then converges (merge, dot-vote, promote).
 */
export const STEP_KINDS = ['discuss', 'brainstorm'] as const;
export type StepKind = (typeof STEP_KINDS)[number];

/**
 * Where a brainstorm step is: `writing` (each sees only their own notes), `revealed` (everyone sees
 * every note; the facilitator merges duplicates), `voting` (each sees only their own votes),
 * `closed` (results shown; winners can be promoted). Discuss steps stay `writing` and have no notes.
 */
export const STEP_PHASES = ['writing', 'revealed', 'voting', 'closed'] as const;
export type StepPhase = (typeof STEP_PHASES)[number];

export const WORKSHOP_LIMITS = {
  maxSteps: 20,
  maxStepTitleLength: 80,
  maxPromptLength: 300,
  minStepMinutes: 1,
  maxStepMinutes: 120,
  /** One extension adds at most this many minutes; a step's timebox never exceeds 4 hours. */
  maxExtendMinutes: 60,
  maxStepMs: 4 * 60 * 60_000,
  maxNoteLength: 200,
  /** Notes one person may write in one step, and notes one session may hold. */
  maxNotesPerPersonPerStep: 30,
  maxNotesPerSession: 1000,
  maxVoteBudget: 10,
  defaultVoteBudget: 3,
  maxVersionNameLength: 80,
} as const;

/** A step as the facilitator plans it (the agenda form and the API accept this). */
export interface AgendaStepPlan {
  title: string;
  sections: SectionKey[];
  minutes: number;
  kind: StepKind;
  /** The question the step answers, shown to everyone (may be empty). */
  prompt: string;
}

/**
 * The agenda good practice suggests for a 90-minute ICP workshop: start from the best customers,
 * then the firmographics and technographics that describe them, then why they buy in their own
 * words, where they listen, what makes them buy now and who is never a fit; wrap up together.
 */
export const DEFAULT_AGENDA: readonly AgendaStepPlan[] = [
  {
    title: 'Best customers',
    sections: ['evidence', 'notes'],
    minutes: 10,
    kind: 'discuss',
    prompt:
      'Which customers get the most value and stay? Name them, with LTV, NPS and what they have in common.',
  },
  {
    title: 'Firmographics',
    sections: ['industries', 'employees', 'revenue', 'geographies'],
    minutes: 15,
    kind: 'brainstorm',
    prompt: 'What industry, size, revenue and region do our best customers share?',
  },
  {
    title: 'Technographics',
    sections: ['technologies'],
    minutes: 10,
    kind: 'brainstorm',
    prompt: 'Which tools do they already run that make us a natural fit?',
  },
  {
    title: 'Goals, challenges and pain points',
    sections: ['goals', 'challenges', 'painPoints'],
    minutes: 20,
    kind: 'brainstorm',
    prompt:
      'What are they trying to achieve, what stands in the way, and which problem do we solve? Use their words.',
  },
  {
    title: 'Watering holes',
    sections: ['wateringHoles'],
    minutes: 10,
    kind: 'brainstorm',
    prompt: 'Where do they learn and ask for advice: publications, communities, events?',
  },
  {
    title: 'Triggers and disqualifiers',
    sections: ['buyingTriggers', 'disqualifiers'],
    minutes: 15,
    kind: 'brainstorm',
    prompt: 'What makes them buy now, and who should we never sell to?',
  },
  {
    title: 'Wrap-up',
    sections: ['valueWeBring', 'notes'],
    minutes: 10,
    kind: 'discuss',
    prompt: 'Read the page top to bottom. What is still open, and who owns it?',
  },
];

/** Sections a note can be promoted into: lists (as a criterion) and narratives (as a paragraph). */
export function acceptsNotes(section: SectionKey): boolean {
  return ICP_SECTIONS.some((s) => s.key === section && s.kind !== 'range');
}

/** The sections of a step that notes can be written for, in the step's order. */
export function noteSections(step: { sections: readonly SectionKey[] }): SectionKey[] {
  return step.sections.filter(acceptsNotes);
}

/** Minutes of a whole agenda. */
export function agendaMinutes(steps: readonly { minutes: number }[]): number {
  return steps.reduce((sum, step) => sum + step.minutes, 0);
}
