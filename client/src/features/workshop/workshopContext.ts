import { createContext, useContext } from 'react';
import type { WorkshopAction, WorkshopDto } from '@bullseye/shared';
import type { LiveWorkshop } from './useLiveWorkshop.js';

/** The open ICP's workshop, what this person does in it, and whether they follow the facilitator. */
export interface WorkshopValue extends LiveWorkshop {
  icpId: string;
  /** Editors and admins of a live ICP may start a session. */
  mayStart: boolean;
  /** Follows the facilitator (a participant who has not stopped following). */
  following: boolean;
  /** What the person chose; applies once they take part. */
  setWantsToFollow: (follow: boolean) => void;
  /** User ids of the people with the ICP open now (this person included). */
  presentUserIds: ReadonlySet<string>;
  /**
   * Sends one request that answers with the session and shows it; a refusal is shown as a toast
   * and the promise resolves to null.
   */
  run: (send: (workshopId: string) => Promise<WorkshopDto>) => Promise<WorkshopDto | null>;
  act: (action: WorkshopAction) => Promise<WorkshopDto | null>;
}

export const WorkshopContext = createContext<WorkshopValue | null>(null);

export function useWorkshop(): WorkshopValue {
  const value = useContext(WorkshopContext);
  if (!value) throw new Error('useWorkshop needs a WorkshopProvider');
  return value;
}

/** The workshop, outside the editor (the read-only version view) null. */
export function useWorkshopOptional(): WorkshopValue | null {
  return useContext(WorkshopContext);
}
