import {
  commentParamsSchema,
  createCommentBodySchema,
  followDtoSchema,
  followIcpBodySchema,
  icpCommentsParamsSchema,
  listCommentsQuerySchema,
  noContentSchema,
  replyToCommentBodySchema,
  threadDtoSchema,
  threadListDtoSchema,
  updateCommentBodySchema,
} from '@bullseye/shared';
import type { Operation } from '../../openapi.js';

/** Comment threads on an ICP, and following an ICP; described once for the router and OpenAPI. */
export const commentOperations = {
  listComments: {
    method: 'get',
    path: '/icps/{icpId}/comments',
    summary:
      'Threads of an ICP in creation order (?status=open|resolved|all, ?mine=true for threads the ' +
      'caller took part in), whether the caller follows it, and how many open threads are blocking',
    params: icpCommentsParamsSchema,
    query: listCommentsQuerySchema,
    response: { status: 200, schema: threadListDtoSchema },
    errors: [400, 401, 404],
  },
  createComment: {
    method: 'post',
    path: '/icps/{icpId}/comments',
    summary:
      'Start a thread on the ICP, a criterion or a passage of text; `@Full Name` and `@sales` etc. ' +
      'reach those people, and followers hear of it (editors, commenters, admins; not on archived ICPs)',
    params: icpCommentsParamsSchema,
    body: createCommentBodySchema,
    response: { status: 201, schema: threadDtoSchema },
    errors: [400, 401, 403, 404, 409, 413],
  },
  replyToComment: {
    method: 'post',
    path: '/comments/{id}/replies',
    summary: "Reply in a comment's thread (any comment of it); everyone in the thread hears of it",
    params: commentParamsSchema,
    body: replyToCommentBodySchema,
    response: { status: 201, schema: threadDtoSchema },
    errors: [400, 401, 403, 404, 409, 413],
  },
  updateComment: {
    method: 'patch',
    path: '/comments/{id}',
    summary: "Edit one's own comment, or mark a thread blocking (its first comment; author or editors)",
    params: commentParamsSchema,
    body: updateCommentBodySchema,
    response: { status: 200, schema: threadDtoSchema },
    errors: [400, 401, 403, 404, 413],
  },
  deleteComment: {
    method: 'delete',
    path: '/comments/{id}',
    summary: "Delete one's own comment (admins: anyone's); deleting a first comment deletes its thread",
    params: commentParamsSchema,
    response: { status: 204, schema: noContentSchema },
    errors: [401, 403, 404],
  },
  resolveComment: {
    method: 'post',
    path: '/comments/{id}/resolve',
    summary: "Resolve a comment's thread (any comment of it); resolving a resolved thread changes nothing",
    params: commentParamsSchema,
    response: { status: 200, schema: threadDtoSchema },
    errors: [401, 403, 404],
  },
  reopenComment: {
    method: 'post',
    path: '/comments/{id}/reopen',
    summary: "Reopen a comment's resolved thread; reopening an open thread changes nothing",
    params: commentParamsSchema,
    response: { status: 200, schema: threadDtoSchema },
    errors: [401, 403, 404],
  },
  followIcp: {
    method: 'put',
    path: '/icps/{icpId}/follow',
    summary:
      'Follow an ICP (hear of every new thread in the inbox) or unfollow it; commenting on or ' +
      'editing an ICP follows it unless one has unfollowed it',
    params: icpCommentsParamsSchema,
    body: followIcpBodySchema,
    response: { status: 200, schema: followDtoSchema },
    errors: [400, 401, 404, 413],
  },
} satisfies Record<string, Operation>;
