import { createContext, useContext } from 'react';
import type { IcpContributionsDto } from '@bullseye/shared';
import type { ApiError } from '../../api/apiError.js';
import type { CoachCounts, DismissedFinding, OpenFinding } from './coachView.js';

/** The quality coach of the open ICP: what it says about the live draft, and what was dismissed. */
export interface CoachValue {
  /** False until the document has synced and the coach has read it once. */
  ready: boolean;
  /** Warnings first, then hints. */
  open: OpenFinding[];
  openCounts: CoachCounts;
  /** Open findings per section (findings about the whole ICP are only in the checklist). */
  openBySection: ReadonlyMap<string, OpenFinding[]>;
  dismissed: DismissedFinding[];
  /** The dismissals could not be loaded (dismissed findings then show as open). */
  error: ApiError | null;
  /** Who contributed what (edits, comments per section and function; sign-off reasons); null until loaded. */
  contributions: IcpContributionsDto | null;
  /** Editors and admins may dismiss and restore findings. */
  canDismiss: boolean;
  /** Dismisses a finding with the reason; resolves to null once done, or what went wrong. */
  dismiss: (item: OpenFinding, reason: string) => Promise<string | null>;
  /** Brings a dismissed finding back; resolves to whether it worked (errors are toasted). */
  restore: (item: DismissedFinding) => Promise<boolean>;
}

export const CoachContext = createContext<CoachValue | null>(null);

export function useCoach(): CoachValue {
  const value = useContext(CoachContext);
  if (!value) throw new Error('useCoach needs a CoachProvider');
  return value;
}

/** The coach of the open ICP; null outside a {@link CoachProvider}. */
export function useCoachOptional(): CoachValue | null {
  return useContext(CoachContext);
}

/** The element id of the checklist card, to scroll to it. */
export const CHECKLIST_ID = 'coach-checklist';
