import type { AgendaStepPlan, WorkshopAction, WorkshopDto, WorkshopListDto } from '@bullseye/shared';
import { request } from './request.js';

const icpBase = (icpId: string) => `/icps/${encodeURIComponent(icpId)}/workshops`;
const byId = (workshopId: string) => `/workshops/${encodeURIComponent(workshopId)}`;
const noteById = (workshopId: string, noteId: string) =>
  `${byId(workshopId)}/notes/${encodeURIComponent(noteId)}`;

/**
 * Workshop sessions of an ICP: start one, act on it (facilitator steps, join, hand over), write
 * notes and vote. Every change answers with the session as this person may see it.
 */
export const workshopApi = {
  /** The running session (or null) and the ended ones, newest first. */
  list: (icpId: string) => request<WorkshopListDto>('GET', icpBase(icpId)),
  /** Without an agenda, the server uses the default one. */
  start: (icpId: string, agenda?: AgendaStepPlan[]) =>
    request<WorkshopDto>('POST', icpBase(icpId), agenda ? { agenda } : {}),
  get: (workshopId: string) => request<WorkshopDto>('GET', byId(workshopId)),
  act: (workshopId: string, action: WorkshopAction) =>
    request<WorkshopDto>('POST', `${byId(workshopId)}/actions`, action),
  addNote: (workshopId: string, section: string, text: string) =>
    request<WorkshopDto>('POST', `${byId(workshopId)}/notes`, { section, text }),
  editNote: (workshopId: string, noteId: string, text: string) =>
    request<WorkshopDto>('PATCH', noteById(workshopId, noteId), { text }),
  deleteNote: (workshopId: string, noteId: string) =>
    request<WorkshopDto>('DELETE', noteById(workshopId, noteId)),
  /** Sets this person's votes on one note (their total per step stays within the budget). */
  vote: (workshopId: string, noteId: string, count: number) =>
    request<WorkshopDto>('PUT', `${noteById(workshopId, noteId)}/vote`, { count }),
};
