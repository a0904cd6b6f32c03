import type {
  CreateCommentBody,
  FollowDto,
  ThreadDto,
  ThreadListDto,
  UpdateCommentBody,
} from '@bullseye/shared';
import { request } from './request.js';

const icpBase = (icpId: string) => `/icps/${encodeURIComponent(icpId)}`;
const byId = (commentId: string) => `/comments/${encodeURIComponent(commentId)}`;

export interface ListCommentsOptions {
  status?: 'open' | 'resolved' | 'all';
  /** Only threads the caller started or took part in. */
  mine?: boolean;
}

/** Comment threads on an ICP: a thread is its first comment, so thread ids are comment ids. */
export const commentsApi = {
  list: (icpId: string, { status = 'all', mine = false }: ListCommentsOptions = {}) => {
    const query = new URLSearchParams({ status });
    if (mine) query.set('mine', 'true');
    return request<ThreadListDto>('GET', `${icpBase(icpId)}/comments?${query.toString()}`);
  },
  create: (icpId: string, body: CreateCommentBody) =>
    request<ThreadDto>('POST', `${icpBase(icpId)}/comments`, body),
  reply: (threadId: string, body: string) =>
    request<ThreadDto>('POST', `${byId(threadId)}/replies`, { body }),
  update: (commentId: string, patch: UpdateCommentBody) =>
    request<ThreadDto>('PATCH', byId(commentId), patch),
  /** Deleting a thread's first comment deletes the whole thread. */
  remove: (commentId: string) => request<void>('DELETE', byId(commentId)),
  resolve: (threadId: string) => request<ThreadDto>('POST', `${byId(threadId)}/resolve`),
  reopen: (threadId: string) => request<ThreadDto>('POST', `${byId(threadId)}/reopen`),
  follow: (icpId: string, following: boolean) =>
    request<FollowDto>('PUT', `${icpBase(icpId)}/follow`, { following }),
};
