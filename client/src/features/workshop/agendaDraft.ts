import {
  DEFAULT_AGENDA,
  WORKSHOP_LIMITS,
  agendaStepPlanSchema,
  noteSections,
  type AgendaStepPlan,
} from '@bullseye/shared';

/** A step of the agenda form: the plan plus a key that survives reordering. */
export interface DraftStep extends AgendaStepPlan {
  key: number;
}

let nextKey = 1;
const withKey = (step: AgendaStepPlan): DraftStep => ({
  ...step,
  sections: [...step.sections],
  key: nextKey++,
});

/** The default agenda, as a form to edit. */
export function defaultDraft(): DraftStep[] {
  return DEFAULT_AGENDA.map(withKey);
}

/** A new discussion step on the sections of the step it follows (or the evidence). */
export function addStep(steps: readonly DraftStep[], after: number): DraftStep[] {
  const previous = steps[after];
  const step = withKey({
    title: 'New step',
    sections: previous ? [...previous.sections] : ['evidence'],
    minutes: 10,
    kind: 'discuss',
    prompt: '',
  });
  return [...steps.slice(0, after + 1), step, ...steps.slice(after + 1)];
}

export function removeStep(steps: readonly DraftStep[], index: number): DraftStep[] {
  return steps.filter((_, i) => i !== index);
}

/** Moves a step up (-1) or down (+1); out of range leaves the agenda as it is. */
export function moveStep(steps: readonly DraftStep[], index: number, by: -1 | 1): DraftStep[] {
  const target = index + by;
  if (target < 0 || target >= steps.length) return [...steps];
  const next = [...steps];
  [next[index], next[target]] = [next[target]!, next[index]!];
  return next;
}

export function updateStep(
  steps: readonly DraftStep[],
  index: number,
  patch: Partial<AgendaStepPlan>,
): DraftStep[] {
  return steps.map((step, i) => (i === index ? { ...step, ...patch } : step));
}

/** What is wrong with one step, in words, or null: the API's own rules, checked before sending. */
export function stepProblem(step: AgendaStepPlan): string | null {
  const { title, sections, minutes, kind, prompt } = step;
  const parsed = agendaStepPlanSchema.safeParse({ title, sections, minutes, kind, prompt });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = String(issue?.path[0] ?? 'step');
    return `${FIELD_NAMES[field] ?? field} ${issue?.message ?? 'is not valid'}`;
  }
  if (step.kind === 'brainstorm' && noteSections(step).length === 0) {
    return 'A brainstorm step needs a list or narrative section (ranges take no notes)';
  }
  return null;
}

/** What stops the agenda from starting, or null. */
export function agendaProblem(steps: readonly AgendaStepPlan[]): string | null {
  if (steps.length === 0) return 'The agenda needs at least one step';
  if (steps.length > WORKSHOP_LIMITS.maxSteps)
    return `The agenda can have at most ${WORKSHOP_LIMITS.maxSteps} steps`;
  const index = steps.findIndex((s) => stepProblem(s) !== null);
  return index < 0 ? null : `Step ${index + 1}: ${stepProblem(steps[index]!)}`;
}

/** The plans to send, without the form's keys. */
export function toPlans(steps: readonly DraftStep[]): AgendaStepPlan[] {
  return steps.map(({ key: _key, ...plan }) => ({
    ...plan,
    title: plan.title.trim(),
    prompt: plan.prompt.trim(),
  }));
}

const FIELD_NAMES: Record<string, string> = {
  title: 'The title',
  sections: 'The sections',
  minutes: 'The minutes',
  kind: 'The kind',
  prompt: 'The prompt',
};
