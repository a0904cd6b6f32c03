import * as Y from 'yjs';
import {
  createTextAnchor,
  fragmentOf,
  type CommentAnchor,
  type InboxDto,
  type ThreadDto,
  type ThreadListDto,
} from '@bullseye/shared';
import { request, type ApiResponse, type Credentials } from './api.js';
import { appendParagraph } from './icpDocs.js';
import type { ServerProcess } from './serverProcess.js';

/** Comment threads and the inbox over HTTP, for tests that are not about the request itself. */

function expectOk<T>(response: ApiResponse<T>, status: number, what: string): T {
  if (response.status !== status) {
    throw new Error(`${what}: expected ${status}, got ${response.status} ${JSON.stringify(response.body)}`);
  }
  return response.body;
}

/** A text anchor with real Yjs relative positions over "Shorten the sales cycle" (the first 7 letters). */
export function textAnchor(quote = 'Shorten'): CommentAnchor {
  const doc = new Y.Doc();
  appendParagraph(doc, 'goals', 'Shorten the sales cycle');
  const { start, end } = createTextAnchor(fragmentOf(doc, 'goals'), 0, 7);
  doc.destroy();
  return { type: 'text', section: 'goals', start, end, quote };
}

/** Starts a thread (201 expected). */
export async function startThread(
  server: ServerProcess,
  icpId: string,
  body: string,
  options: { as?: Credentials; anchor?: CommentAnchor; blocking?: boolean } = {},
): Promise<ThreadDto> {
  const response = await request<ThreadDto>(server, 'POST', `/api/icps/${icpId}/comments`, {
    body: { body, anchor: options.anchor ?? { type: 'icp' }, blocking: options.blocking },
    as: options.as,
  });
  return expectOk(response, 201, `starting a thread "${body}"`);
}

/** Replies to a comment's thread (201 expected). */
export async function replyTo(
  server: ServerProcess,
  commentId: string,
  body: string,
  as?: Credentials,
): Promise<ThreadDto> {
  const response = await request<ThreadDto>(server, 'POST', `/api/comments/${commentId}/replies`, {
    body: { body },
    as,
  });
  return expectOk(response, 201, `replying "${body}"`);
}

/** The threads of an ICP (200 expected); `query` like `?status=open&mine=true`. */
export async function listThreads(
  server: ServerProcess,
  icpId: string,
  query = '',
  as?: Credentials,
): Promise<ThreadListDto> {
  const response = await request<ThreadListDto>(server, 'GET', `/api/icps/${icpId}/comments${query}`, { as });
  return expectOk(response, 200, 'listing threads');
}

/** The caller's inbox (200 expected); `query` like `?unread=true&limit=2`. */
export async function readInbox(server: ServerProcess, as?: Credentials, query = ''): Promise<InboxDto> {
  const response = await request<InboxDto>(server, 'GET', `/api/inbox${query}`, { as });
  return expectOk(response, 200, 'reading the inbox');
}

/** Follows or unfollows an ICP (200 expected). */
export async function setFollowing(
  server: ServerProcess,
  icpId: string,
  following: boolean,
  as?: Credentials,
): Promise<void> {
  const response = await request(server, 'PUT', `/api/icps/${icpId}/follow`, { body: { following }, as });
  expectOk(response, 200, 'following');
}
