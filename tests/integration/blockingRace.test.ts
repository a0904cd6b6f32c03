import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { FUNCTIONS, type IcpFunction, type IcpReviewDto, type ThreadDto } from '@bullseye/shared';
import { createIcp, errorOf, request, type ApiResponse, type Credentials } from '../support/api.js';
import { addMember, expectStatus, type Account } from '../support/actors.js';
import { backendOptions, BACKENDS, type Backend } from '../support/backends.js';
import { startThread } from '../support/comments.js';
import { ServerProcess } from '../support/serverProcess.js';
import { waitFor } from '../support/waitFor.js';
import { approveVersion, createVersion, requestSignOff, signOff } from '../support/versions.js';

/**
 * Issue 9, item 8: an approval checks that no blocking thread is open, then commits. Marking a
 * thread blocking, starting a blocking thread or reopening a blocking thread must not commit in
 * between, or the ICP ends up approved with an open blocking thread. Both sides take the ICP's row
 * lock. On PostgreSQL the race is made deterministic by holding a lock the approval needs after
 * its check, from the test's own connection; on both databases many concurrent pairs must end in
 * one of the two serial outcomes.
 */

/** A request's outcome, and whether it has arrived yet. */
function track<T>(promise: Promise<ApiResponse<T>>) {
  const state: { done: boolean; response?: ApiResponse<T>; promise: Promise<ApiResponse<T>> } = {
    done: false,
    promise: promise.then((response) => {
      state.done = true;
      state.response = response;
      return response;
    }),
  };
  return state;
}

describe.each(BACKENDS)('approval racing a thread becoming blocking on %s', (backend: Backend) => {
  let server: ServerProcess;
  let databaseUrl: string | undefined;
  let cleanup: () => Promise<void> = async () => {};
  let signers: Record<IcpFunction, Account>;
  let approver: Account;
  const as = (account: Account): Credentials => ({ token: account.token });

  beforeAll(async () => {
    const database = await backendOptions(backend);
    databaseUrl = database.databaseUrl;
    cleanup = database.cleanup;
    server = new ServerProcess({ databaseUrl });
    await server.start();
    signers = {
      sales: await addMember(server, 'commenter', { name: 'Sam Sales', function: 'sales' }),
      marketing: await addMember(server, 'commenter', { name: 'Mia Marketing', function: 'marketing' }),
      product: await addMember(server, 'editor', { name: 'Pat Product', function: 'product' }),
      customer_success: await addMember(server, 'commenter', {
        name: 'Cal Success',
        function: 'customer_success',
      }),
    };
    approver = await addMember(server, 'commenter', { name: 'Lee Leader', approver: true });
  });

  afterAll(async () => {
    await server?.dispose();
    await cleanup();
  });

  /** An ICP whose version all four functions approved, with one thread that is not blocking. */
  async function readyToApprove(title: string, thread: 'open' | 'resolved' = 'open') {
    const icp = await createIcp(server, title);
    const version = await createVersion(server, icp.id, 'Candidate');
    expectStatus(await requestSignOff(server, version.id), 200, 'requesting sign-off');
    for (const fn of FUNCTIONS) {
      expectStatus(
        await signOff(server, version.id, { function: fn, decision: 'approve' }, as(signers[fn])),
        200,
        `signing off as ${fn}`,
      );
    }
    let root = await startThread(server, icp.id, 'Is the revenue band right?');
    if (thread === 'resolved') {
      expectStatus(
        await request(server, 'PATCH', `/api/comments/${root.id}`, { body: { blocking: true } }),
        200,
        'marking',
      );
      root = expectStatus(
        await request<ThreadDto>(server, 'POST', `/api/comments/${root.id}/resolve`),
        200,
        'resolving',
      );
    }
    return { icp, version, thread: root };
  }

  const markBlocking = (threadId: string) =>
    request<ThreadDto>(server, 'PATCH', `/api/comments/${threadId}`, { body: { blocking: true } });
  const reopen = (threadId: string) => request<ThreadDto>(server, 'POST', `/api/comments/${threadId}/reopen`);
  const approve = (versionId: string) => approveVersion(server, versionId, as(approver), 'Go');

  /** The two serial outcomes: approved before the thread blocked, or refused because it blocks. */
  function expectSerialOutcome(approval: ApiResponse<IcpReviewDto>, blocking: ApiResponse<ThreadDto>) {
    expect(blocking.status, JSON.stringify(blocking.body)).toBe(200);
    if (approval.status !== 200) {
      errorOf(approval, 409, 'blocking_threads_open');
    }
  }

  it.runIf(backend === 'postgres')(
    'a thread marked blocking while an approval is between its check and its commit waits for it',
    async () => {
      for (const [what, change] of [
        ['marking a thread blocking', (id: string) => markBlocking(id)],
        ['reopening a blocking thread', (id: string) => reopen(id)],
      ] as const) {
        const { version, thread } = await readyToApprove(
          `Race: ${what}`,
          what.startsWith('reopening') ? 'resolved' : 'open',
        );
        const holder = new pg.Client({ connectionString: databaseUrl });
        await holder.connect();
        try {
          const lockWaiters = async () =>
            Number(
              (
                await holder.query<{ n: string }>(
                  `SELECT count(*) AS n FROM pg_stat_activity
                    WHERE datname = current_database() AND wait_event_type = 'Lock'`,
                )
              ).rows[0]!.n,
            );
          // The approval records its sign-offs' review as approved after checking for blocking
          // threads; holding that review's row stops it right there, with the ICP locked.
          await holder.query('BEGIN');
          await holder.query(`SELECT id FROM icp_reviews WHERE version_id = $1 FOR UPDATE`, [version.id]);
          const approval = track(approve(version.id));
          await waitFor(async () => (await lockWaiters()) >= 1);
          const blocking = track(change(thread.id));
          // Fixed code: the change queues behind the approval's ICP lock. Old code: it commits.
          await waitFor(async () => blocking.done || (await lockWaiters()) >= 2);
          const committedDuringApproval = blocking.done;
          await holder.query('COMMIT');
          const [approved, blocked] = await Promise.all([approval.promise, blocking.promise]);
          expect(committedDuringApproval, `${what} committed inside the approval's transaction`).toBe(false);
          expect(approved.status, JSON.stringify(approved.body)).toBe(200);
          expect(blocked.status, JSON.stringify(blocked.body)).toBe(200);
          expect(blocked.body.blocking).toBe(true);
          expect(blocked.body.resolvedAt).toBeNull();
        } finally {
          await holder.query('ROLLBACK').catch(() => {});
          await holder.end();
        }
      }
    },
  );

  it.runIf(backend === 'postgres')(
    'an approval that queues behind a thread becoming blocking is refused with blocking_threads_open',
    async () => {
      const { icp, version, thread } = await readyToApprove('Race: blocking first');
      const holder = new pg.Client({ connectionString: databaseUrl });
      await holder.connect();
      try {
        await holder.query('BEGIN');
        await holder.query('SELECT id FROM icps WHERE id = $1 FOR UPDATE', [icp.id]);
        const blocking = track(markBlocking(thread.id));
        const waiting = async () =>
          Number(
            (
              await holder.query<{ n: string }>(
                `SELECT count(*) AS n FROM pg_stat_activity
                  WHERE datname = current_database() AND wait_event_type = 'Lock'`,
              )
            ).rows[0]!.n,
          );
        await waitFor(async () => blocking.done || (await waiting()) >= 1);
        const approval = track(approve(version.id));
        await waitFor(async () => (await waiting()) >= (blocking.done ? 1 : 2));
        await holder.query('COMMIT');
        const [approved, blocked] = await Promise.all([approval.promise, blocking.promise]);
        expect(blocked.status).toBe(200);
        errorOf(approved, 409, 'blocking_threads_open');
      } finally {
        await holder.query('ROLLBACK').catch(() => {});
        await holder.end();
      }
    },
  );

  it('concurrent approvals and blocking changes end in a serial outcome, never approved over an open blocking thread', async () => {
    const candidates = [];
    for (let i = 0; i < 6; i++)
      candidates.push(await readyToApprove(`Concurrent ${i}`, i % 2 ? 'resolved' : 'open'));
    const outcomes = await Promise.all(
      candidates.map(async ({ version, thread }, i) => {
        const change = i % 2 ? reopen(thread.id) : markBlocking(thread.id);
        const [approval, blocking] = await Promise.all([approve(version.id), change]);
        return { approval, blocking };
      }),
    );
    for (const { approval, blocking } of outcomes) expectSerialOutcome(approval, blocking);
  });
});
