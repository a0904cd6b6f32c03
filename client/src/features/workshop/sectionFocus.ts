import type { SectionKey, WorkshopDto } from '@bullseye/shared';

/** How one section of the page shows during a workshop. */
export interface SectionFocus {
  /** On the current step. */
  current: boolean;
  /** Off the current step while this person follows the facilitator. */
  dimmed: boolean;
  /** Off the current step while the facilitator locked the others (never for the facilitator). */
  locked: boolean;
}

const NONE: SectionFocus = { current: false, dimmed: false, locked: false };

/**
 * Whether this person follows the facilitator: a participant (the facilitator leads, so never
 * follows) who has not stopped following.
 */
export function isFollowing(workshop: WorkshopDto | null, wantsToFollow: boolean): boolean {
  return (
    workshop !== null &&
    workshop.status === 'running' &&
    workshop.you.participant &&
    !workshop.you.facilitator &&
    wantsToFollow
  );
}

/** The sections the current step is on, in the step's order (none when no session runs). */
export function currentSections(workshop: WorkshopDto | null): SectionKey[] {
  if (!workshop || workshop.status !== 'running') return [];
  return workshop.steps[workshop.currentStep]?.sections ?? [];
}

/** How `section` shows for this person: highlighted, dimmed, locked. */
export function sectionFocus(
  workshop: WorkshopDto | null,
  following: boolean,
  section: SectionKey,
): SectionFocus {
  const sections = currentSections(workshop);
  if (!workshop || sections.length === 0) return NONE;
  const current = sections.includes(section);
  return {
    current,
    dimmed: !current && following,
    locked: !current && workshop.locked && !workshop.you.facilitator,
  };
}
