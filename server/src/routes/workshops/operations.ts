import {
  createNoteBodySchema,
  icpWorkshopsParamsSchema,
  startWorkshopBodySchema,
  updateNoteBodySchema,
  voteBodySchema,
  workshopActionSchema,
  workshopDtoSchema,
  workshopListDtoSchema,
  workshopNoteParamsSchema,
  workshopParamsSchema,
} from '@bullseye/shared';
import type { Operation } from '../../openapi.js';

/** Workshop sessions on an ICP; described once for the router and OpenAPI. */
export const workshopOperations = {
  listWorkshops: {
    method: 'get',
    path: '/icps/{icpId}/workshops',
    summary:
      "The ICP's running workshop (as the caller may see it: others' notes hidden until revealed) and its past ones",
    params: icpWorkshopsParamsSchema,
    response: { status: 200, schema: workshopListDtoSchema },
    errors: [400, 401, 404],
  },
  startWorkshop: {
    method: 'post',
    path: '/icps/{icpId}/workshops',
    summary:
      'Start a workshop on the ICP with an agenda (default: the 90-minute ICP workshop); the caller ' +
      'facilitates (editors and admins; one running workshop per ICP)',
    params: icpWorkshopsParamsSchema,
    body: startWorkshopBodySchema,
    response: { status: 201, schema: workshopDtoSchema },
    errors: [400, 401, 403, 404, 409, 413],
  },
  getWorkshop: {
    method: 'get',
    path: '/workshops/{id}',
    summary: 'A workshop as the caller may see it; an ended one carries its summary',
    params: workshopParamsSchema,
    response: { status: 200, schema: workshopDtoSchema },
    errors: [400, 401, 404],
  },
  workshopAction: {
    method: 'post',
    path: '/workshops/{id}/actions',
    summary:
      'One action on a running workshop: join (anyone who reads the ICP); handOver (the facilitator, ' +
      'or an editor taking over); pause, resume, extend, goToStep, lock, reveal, merge, startVoting, ' +
      'closeVoting, promote, end (the facilitator)',
    params: workshopParamsSchema,
    body: workshopActionSchema,
    response: { status: 200, schema: workshopDtoSchema },
    errors: [400, 401, 403, 404, 409, 413],
  },
  addWorkshopNote: {
    method: 'post',
    path: '/workshops/{id}/notes',
    summary:
      "Write a note for a section of the current brainstorm step, hidden from others until the facilitator reveals the step's notes (commenters and up)",
    params: workshopParamsSchema,
    body: createNoteBodySchema,
    response: { status: 201, schema: workshopDtoSchema },
    errors: [400, 401, 403, 404, 409, 413],
  },
  updateWorkshopNote: {
    method: 'patch',
    path: '/workshops/{id}/notes/{noteId}',
    summary: "Change one's own note while its step is still being written",
    params: workshopNoteParamsSchema,
    body: updateNoteBodySchema,
    response: { status: 200, schema: workshopDtoSchema },
    errors: [400, 401, 403, 404, 409, 413],
  },
  deleteWorkshopNote: {
    method: 'delete',
    path: '/workshops/{id}/notes/{noteId}',
    summary: "Delete one's own note while its step is still being written",
    params: workshopNoteParamsSchema,
    response: { status: 200, schema: workshopDtoSchema },
    errors: [400, 401, 403, 404, 409],
  },
  voteOnWorkshopNote: {
    method: 'put',
    path: '/workshops/{id}/notes/{noteId}/vote',
    summary:
      "Set the caller's votes on a note of the open round (within the round's budget); hidden from others until the round closes",
    params: workshopNoteParamsSchema,
    body: voteBodySchema,
    response: { status: 200, schema: workshopDtoSchema },
    errors: [400, 401, 403, 404, 409, 413],
  },
} satisfies Record<string, Operation>;
