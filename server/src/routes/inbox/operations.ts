import {
  inboxCountDtoSchema,
  inboxDtoSchema,
  listInboxQuerySchema,
  markInboxReadBodySchema,
} from '@bullseye/shared';
import type { Operation } from '../../openapi.js';

/** The caller's inbox across their workspaces. */
export const inboxOperations = {
  listInbox: {
    method: 'get',
    path: '/inbox',
    summary:
      'Mentions, replies and new threads for the caller, newest first (?unread=true, ?limit, ' +
      '?before=<item id> for the next page), with the unread count',
    query: listInboxQuerySchema,
    response: { status: 200, schema: inboxDtoSchema },
    errors: [400, 401, 404],
  },
  markInboxRead: {
    method: 'post',
    path: '/inbox/read',
    summary: 'Mark inbox items read ({ ids } of the caller, or { all: true }); answers the unread count',
    body: markInboxReadBodySchema,
    response: { status: 200, schema: inboxCountDtoSchema },
    errors: [400, 401, 404, 413],
  },
} satisfies Record<string, Operation>;
