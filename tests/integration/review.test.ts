import { randomUUID } from 'node:crypto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  addListItem,
  FUNCTIONS,
  readList,
  type IcpDiffDto,
  type IcpDto,
  type IcpListItemDto,
  type IcpFunction,
  type IcpReviewDto,
  type ReviewDecision,
  type ServerEvent,
  type VersionDto,
  type WorkspaceDto,
} from '@bullseye/shared';
import {
  errorOf,
  archiveIcp,
  createIcp,
  request,
  type ApiResponse,
  type Credentials,
} from '../support/api.js';
import { addMember, addReviewTeam, expectStatus, type Account } from '../support/actors.js';
import { BACKENDS } from '../support/backends.js';
import { ClientPool } from '../support/collabClient.js';
import { startThread } from '../support/comments.js';
import { useServer } from '../support/harness.js';
import { waitFor } from '../support/waitFor.js';
import {
  approveVersion,
  createVersion,
  getIcp,
  getVersion,
  requestSignOff,
  settled,
  signOff,
} from '../support/versions.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Every review operation, with a valid body, given a version id. */
const OPERATIONS: [string, (version: string) => string, unknown?][] = [
  ['requestSignOff', (v) => `/api/versions/${v}/review`],
  ['signOff', (v) => `/api/versions/${v}/sign-offs`, { function: 'sales', decision: 'approve' }],
  ['approveVersion', (v) => `/api/versions/${v}/approve`, { note: 'Planted' }],
];

function expectReview(response: ApiResponse<IcpReviewDto>): IcpReviewDto {
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body;
}

describe.each(BACKENDS)('review workflow on %s', (backend) => {
  const ctx = useServer(backend);
  const pool = new ClientPool();
  afterEach(() => pool.destroyAll());

  /** One member per function, an approver, an editor without a function, and a viewer. */
  let signers: Record<IcpFunction, Account>;
  let approver: Account;
  let editor: Account;
  let viewer: Account;
  let beta: { icp: string; version: VersionDto };
  const as = (account: Account): Credentials => ({ token: account.token });

  beforeAll(async () => {
    ({ signers, approver } = await addReviewTeam(ctx.server, { product: 'editor' }));
    editor = await addMember(ctx.server, 'editor', { name: 'Edna Editor' });
    // Invite links refuse a viewer approver; a demoted approver keeps the flag, which grants nothing.
    viewer = await addMember(ctx.server, 'commenter', {
      name: 'Vic Viewer',
      function: 'sales',
      approver: true,
    });
    expectStatus(
      await request(
        ctx.server,
        'PATCH',
        `/api/workspaces/${ctx.server.admin!.workspaceId}/members/${viewer.user.id}`,
        {
          body: { role: 'viewer' },
        },
      ),
      200,
      'demoting Vic to viewer',
    );
    const workspace = expectStatus(
      await request<WorkspaceDto>(ctx.server, 'POST', '/api/workspaces', { body: { name: 'Beta' } }),
      201,
      'creating Beta',
    );
    const icp = await createIcp(ctx.server, 'Beta plan', workspace.id);
    const version = await createVersion(ctx.server, icp.id, 'Beta v1');
    expectReview(await requestSignOff(ctx.server, version.id));
    beta = { icp: icp.id, version };
  });

  const sign = (fn: IcpFunction, versionId: string, decision: ReviewDecision = 'approve', reason?: string) =>
    signOff(
      ctx.server,
      versionId,
      { function: fn, decision, ...(reason ? { reason } : {}) },
      as(signers[fn]),
    );

  /** An ICP with a named version under review. */
  async function underReview(title: string) {
    const icp = await createIcp(ctx.server, title);
    const version = await createVersion(ctx.server, icp.id, 'Candidate', { as: as(editor) });
    expectReview(await requestSignOff(ctx.server, version.id, as(editor)));
    return { icp, version };
  }

  /** An ICP whose first version all four functions signed and the approver approved. */
  async function approved(title: string) {
    const { icp, version } = await underReview(title);
    for (const fn of FUNCTIONS) expectReview(await sign(fn, version.id));
    const review = expectReview(await approveVersion(ctx.server, version.id, as(approver), 'Go'));
    return { icp, version, review };
  }

  describe('access', () => {
    it.each(OPERATIONS)('%s requires authentication (401)', async (_op, path, body) => {
      const { icp, version } = await underReview('Signed out');
      for (const credentials of [null, { token: 'bye_not-a-real-token' }]) {
        errorOf(
          await request(ctx.server, 'POST', path(version.id), { body, as: credentials }),
          401,
          'unauthenticated',
        );
      }
      expect((await getIcp(ctx.server, icp.id)).review.current?.signOffs).toEqual([]);
    });

    it.each(OPERATIONS)(
      "%s answers 404 for another workspace's versions exactly as for unknown ones",
      async (_op, path, body) => {
        const before = await getIcp(ctx.server, beta.icp);
        // The sales signer would be allowed everything in their own workspace's terms; not in Beta.
        const toBeta = await request(ctx.server, 'POST', path(beta.version.id), {
          body,
          as: as(signers.product),
        });
        const toNowhere = await request(ctx.server, 'POST', path(randomUUID()), {
          body,
          as: as(signers.product),
        });
        const malformed = await request(ctx.server, 'POST', path('v1'), { body, as: as(signers.product) });
        for (const response of [toBeta, toNowhere, malformed]) errorOf(response, 404, 'not_found');
        expect(toBeta.body).toEqual(toNowhere.body);
        expect(await getIcp(ctx.server, beta.icp)).toEqual(before);
      },
    );

    it.each([
      ['a missing function', { decision: 'approve' }, 'function'],
      ['an unknown function', { function: 'finance', decision: 'approve' }, 'function'],
      ['a missing decision', { function: 'sales' }, 'decision'],
      ['an unknown decision', { function: 'sales', decision: 'maybe' }, 'decision'],
      ['changes requested without a reason', { function: 'sales', decision: 'request_changes' }, 'reason'],
      [
        'a reason of 1001 characters',
        { function: 'sales', decision: 'approve', reason: 'r'.repeat(1001) },
        'reason',
      ],
      ['an unknown field', { function: 'sales', decision: 'approve', hash: 'x' }, 'hash'],
      ['a non-object body', '"approve"', 'body'],
    ])('refuses a sign-off with %s (400 naming the field)', async (_case, body, field) => {
      const { icp, version } = await underReview('Bad sign-off');
      errorOf(
        await request(ctx.server, 'POST', `/api/versions/${version.id}/sign-offs`, {
          body,
          as: as(signers.sales),
        }),
        400,
        'invalid_input',
        field,
      );
      expect((await getIcp(ctx.server, icp.id)).review.current?.signOffs).toEqual([]);
    });

    it('refuses an approval with an invalid body (400 naming the field)', async () => {
      const { version } = await underReview('Bad approval');
      for (const [body, field] of [
        [{ note: 'n'.repeat(1001) }, 'note'],
        [{ note: 'Fine', versionHash: 'x' }, 'versionHash'],
        [{ note: 42 }, 'note'],
      ] as const) {
        errorOf(
          await request(ctx.server, 'POST', `/api/versions/${version.id}/approve`, {
            body,
            as: as(approver),
          }),
          400,
          'invalid_input',
          field,
        );
      }
    });

    it('sends each member their review abilities with the ICP', async () => {
      const icp = await createIcp(ctx.server, 'Abilities');
      const abilities = async (who?: Account) =>
        (await getIcp(ctx.server, icp.id, who && as(who))).reviewAbilities;
      expect(await abilities()).toEqual({
        requestSignOff: true,
        restore: true,
        signOffFor: null,
        approve: false,
      });
      expect(await abilities(signers.sales)).toEqual({
        requestSignOff: false,
        restore: false,
        signOffFor: 'sales',
        approve: false,
      });
      expect(await abilities(signers.product)).toEqual({
        requestSignOff: true,
        restore: true,
        signOffFor: 'product',
        approve: false,
      });
      expect(await abilities(approver)).toEqual({
        requestSignOff: false,
        restore: false,
        signOffFor: null,
        approve: true,
      });
      // A viewer reads only, whatever function or approver flag they carry.
      expect(await abilities(viewer)).toEqual({
        requestSignOff: false,
        restore: false,
        signOffFor: null,
        approve: false,
      });
      await archiveIcp(ctx.server, icp.id);
      expect(await abilities(signers.product)).toEqual({
        requestSignOff: false,
        restore: false,
        signOffFor: null,
        approve: false,
      });
    });
  });

  it('walks the workflow from request to approval, refusing every step out of turn', async () => {
    const icp = await createIcp(ctx.server, 'Workflow');
    const v1 = await createVersion(ctx.server, icp.id, 'Workshop draft', { as: as(editor) });
    expect((await getIcp(ctx.server, icp.id)).review).toEqual({
      state: 'draft',
      reviewDue: false,
      reviewDueAt: null,
      reviewIntervalDays: 90,
      current: null,
      approved: null,
    });

    // Nothing is under review yet.
    errorOf(await sign('sales', v1.id), 409, 'not_in_review');
    errorOf(await approveVersion(ctx.server, v1.id, as(approver)), 409, 'not_in_review');

    // Only editors and admins request sign-off.
    errorOf(await requestSignOff(ctx.server, v1.id, as(signers.sales)), 403, 'forbidden');
    errorOf(await requestSignOff(ctx.server, v1.id, as(viewer)), 403, 'forbidden');
    const requested = expectReview(await requestSignOff(ctx.server, v1.id, as(editor)));
    expect(requested).toMatchObject({
      state: 'in_review',
      current: {
        versionId: v1.id,
        number: 1,
        hash: v1.hash,
        requestedBy: { id: editor.user.id, name: 'Edna Editor' },
        signOffs: [],
      },
      approved: null,
    });
    errorOf(await requestSignOff(ctx.server, v1.id, as(signers.product)), 409, 'already_in_review');

    // Each member signs for their own function only; viewers sign for nothing.
    const wrong = errorOf(
      await signOff(ctx.server, v1.id, { function: 'marketing', decision: 'approve' }, as(signers.sales)),
      403,
      'not_your_function',
    );
    expect(wrong.message).toMatch(/sales/);
    errorOf(
      await signOff(ctx.server, v1.id, { function: 'sales', decision: 'approve' }, as(editor)),
      403,
      'not_your_function',
    );
    errorOf(
      await signOff(ctx.server, v1.id, { function: 'sales', decision: 'approve' }, as(viewer)),
      403,
      'forbidden',
    );

    // A blocking thread holds every approving sign-off until it is resolved; asking for changes
    // is still possible (that is how a function voices the concern).
    const blocker = await startThread(ctx.server, icp.id, 'The revenue band is a guess', {
      as: as(signers.marketing),
      blocking: true,
    });
    const blocked = errorOf(await sign('sales', v1.id), 409, 'blocking_threads_open');
    expect(blocked.message).toMatch(/\b1\b/);
    expect((await getIcp(ctx.server, icp.id)).review.current?.signOffs).toEqual([]);
    const concern = expectReview(
      await sign('marketing', v1.id, 'request_changes', 'Resolve the revenue thread'),
    );
    expect(concern.state).toBe('changes_requested');
    expect(concern.current?.signOffs.map((s) => [s.function, s.decision])).toEqual([
      ['marketing', 'request_changes'],
    ]);
    expect((await request(ctx.server, 'POST', `/api/comments/${blocker.id}/resolve`)).status).toBe(200);
    const salesSigned = expectReview(await sign('sales', v1.id));
    expect(salesSigned.current?.signOffs).toEqual([
      {
        function: 'sales',
        decision: 'approve',
        reason: null,
        by: { id: signers.sales.user.id, name: 'Sam Sales' },
        at: expect.any(String),
        versionHash: v1.hash,
      },
      expect.objectContaining({ function: 'marketing', decision: 'request_changes' }),
    ]);

    // Marketing asks for changes (again), then approves: the later decision replaces the earlier one.
    const changes = expectReview(await sign('marketing', v1.id, 'request_changes', 'Name the ACV band'));
    expect(changes.state).toBe('changes_requested');
    expect(changes.current?.signOffs.map((s) => [s.function, s.decision, s.reason])).toEqual([
      ['sales', 'approve', null],
      ['marketing', 'request_changes', 'Name the ACV band'],
    ]);
    const missing = errorOf(await approveVersion(ctx.server, v1.id, as(approver)), 409, 'sign_offs_missing');
    expect(missing.message).toContain('marketing, product, customer_success');
    expect(missing.message).not.toContain('sales,');

    const marketingApproves = expectReview(await sign('marketing', v1.id));
    expect(marketingApproves.state).toBe('in_review');
    expect(marketingApproves.current?.signOffs.map((s) => [s.function, s.decision])).toEqual([
      ['sales', 'approve'],
      ['marketing', 'approve'],
    ]);
    expectReview(await sign('customer_success', v1.id));
    const stillMissing = errorOf(
      await approveVersion(ctx.server, v1.id, as(approver)),
      409,
      'sign_offs_missing',
    );
    expect(stillMissing.message).toMatch(/missing: product$/);
    const allFour = expectReview(await sign('product', v1.id));
    expect(allFour.current?.signOffs.map((s) => s.function)).toEqual([...FUNCTIONS]);

    // Only approvers approve.
    for (const who of [signers.product, editor]) {
      errorOf(await approveVersion(ctx.server, v1.id, as(who)), 403, 'not_approver');
    }
    errorOf(await approveVersion(ctx.server, v1.id), 403, 'not_approver'); // an admin is not an approver
    errorOf(await approveVersion(ctx.server, v1.id, as(viewer)), 403, 'forbidden');

    // A blocking thread opened after the sign-offs holds the approval too.
    const late = await startThread(ctx.server, icp.id, 'Wait', { as: as(editor), blocking: true });
    errorOf(await approveVersion(ctx.server, v1.id, as(approver)), 409, 'blocking_threads_open');
    await request(ctx.server, 'POST', `/api/comments/${late.id}/resolve`);

    const done = expectReview(await approveVersion(ctx.server, v1.id, as(approver), 'Ship it'));
    expect(done.state).toBe('approved');
    expect(done.current).toBeNull();
    expect(done.approved).toMatchObject({
      versionId: v1.id,
      number: 1,
      name: 'Workshop draft',
      hash: v1.hash,
      approvedBy: { id: approver.user.id, name: 'Lee Leader' },
    });
    expect(done.approved!.signOffs.map((s) => [s.function, s.decision, s.by?.name, s.versionHash])).toEqual([
      ['sales', 'approve', 'Sam Sales', v1.hash],
      ['marketing', 'approve', 'Mia Marketing', v1.hash],
      ['product', 'approve', 'Pat Product', v1.hash],
      ['customer_success', 'approve', 'Cal Success', v1.hash],
    ]);
    expect(done.reviewDue).toBe(false);
    expect(Date.parse(done.reviewDueAt!)).toBe(Date.parse(done.approved!.approvedAt) + 90 * DAY_MS);

    // The review is closed: nothing more to sign or approve; everyone reads the same review.
    errorOf(await sign('sales', v1.id), 409, 'not_in_review');
    errorOf(await approveVersion(ctx.server, v1.id, as(approver)), 409, 'not_in_review');
    expect((await getIcp(ctx.server, icp.id, as(viewer))).review).toEqual(done);
  });

  it('supersedes an open review with a newer request: the old sign-offs no longer count', async () => {
    const { icp, version: v1 } = await underReview('Superseded');
    expectReview(await sign('sales', v1.id));
    expectReview(await sign('marketing', v1.id));
    const v2 = await createVersion(ctx.server, icp.id, 'Revised', { as: as(editor) });
    const reviewing2 = expectReview(await requestSignOff(ctx.server, v2.id, as(signers.product)));
    expect(reviewing2.current).toMatchObject({ versionId: v2.id, number: 2, signOffs: [] });

    const stale = errorOf(await sign('product', v1.id), 409, 'version_superseded');
    expect(stale.message).toMatch(/version 2/);
    errorOf(await approveVersion(ctx.server, v1.id, as(approver)), 409, 'version_superseded');
    // A version nobody asked about is not under review either.
    const v3 = await createVersion(ctx.server, icp.id, 'Unasked');
    errorOf(await sign('sales', v3.id), 409, 'version_superseded');

    for (const fn of ['sales', 'marketing', 'product'] as const) expectReview(await sign(fn, v2.id));
    errorOf(await approveVersion(ctx.server, v2.id, as(approver)), 409, 'sign_offs_missing');

    // Going back to an older version is a fresh review of it, with fresh sign-offs.
    const back = expectReview(await requestSignOff(ctx.server, v1.id, as(editor)));
    expect(back.current).toMatchObject({ versionId: v1.id, number: 1, signOffs: [] });
    errorOf(await sign('sales', v2.id), 409, 'version_superseded');
    for (const fn of FUNCTIONS) expectReview(await sign(fn, v1.id));
    const done = expectReview(await approveVersion(ctx.server, v1.id, as(approver)));
    expect(done.approved).toMatchObject({ versionId: v1.id, hash: v1.hash });
    expect(done.approved!.signOffs).toHaveLength(4);
  });

  it('never lets later edits touch the approved version; the draft shows what changed since', async () => {
    const icp = await createIcp(ctx.server, 'Changed since approval');
    const author = await pool.connect(ctx.server, icp.id, { token: editor.token });
    const observer = await pool.connect(ctx.server, icp.id, { token: viewer.token });
    const fintech = addListItem(author.doc, 'industries', 'Fintech');
    await settled(author, observer);
    const v1 = await createVersion(ctx.server, icp.id, 'To approve', { as: as(editor) });
    expectReview(await requestSignOff(ctx.server, v1.id, as(editor)));
    for (const fn of FUNCTIONS) expectReview(await sign(fn, v1.id));
    const review = expectReview(await approveVersion(ctx.server, v1.id, as(approver)));
    const approvedDetail = await getVersion(ctx.server, v1.id);

    const banking = addListItem(author.doc, 'industries', 'Banking');
    await settled(author, observer);

    expect(await getVersion(ctx.server, v1.id)).toEqual(approvedDetail);
    expect(readList(observer.doc, 'industries').map((i) => i.text)).toEqual(['Fintech', 'Banking']);
    const now = await getIcp(ctx.server, icp.id);
    expect(now.review.approved).toEqual(review.approved);
    expect(now.review.approved!.hash).toBe(v1.hash);
    const diff = expectStatus(
      await request<IcpDiffDto>(
        ctx.server,
        'GET',
        `/api/icps/${icp.id}/diff?from=${now.review.approved!.versionId}&to=draft`,
      ),
      200,
      'diff to the draft',
    );
    expect(diff.changed).toBe(true);
    expect(diff.from.hash).toBe(v1.hash);
    expect(diff.sections).toEqual([
      {
        key: 'industries',
        kind: 'list',
        added: [{ id: banking.id, text: 'Banking' }],
        removed: [],
        changed: [],
      },
    ]);
    expect(fintech.id).not.toBe(banking.id);
  });

  it('pushes the ICP with its review to open clients, with each member’s review abilities', async () => {
    const { icp, version } = await underReview('Live review');
    const salesClient = await pool.connect(ctx.server, icp.id, {
      token: signers.sales.token,
      params: { acks: '1' },
    });
    const approverClient = await pool.connect(ctx.server, icp.id, {
      token: approver.token,
      params: { acks: '1' },
    });
    const updates = (events: ServerEvent[]) =>
      events.filter((e): e is Extract<ServerEvent, { type: 'icp.updated' }> => e.type === 'icp.updated');

    const signed = expectReview(await sign('sales', version.id));
    await waitFor(
      () => updates(salesClient.events).length === 1 && updates(approverClient.events).length === 1,
    );
    const [forSales] = updates(salesClient.events);
    const [forApprover] = updates(approverClient.events);
    expect(forSales!.icp).toMatchObject({ id: icp.id, review: signed });
    expect(forSales!.icp.reviewAbilities).toEqual({
      requestSignOff: false,
      restore: false,
      signOffFor: 'sales',
      approve: false,
    });
    expect(forApprover!.icp.review).toEqual(signed);
    expect(forApprover!.icp.reviewAbilities.approve).toBe(true);
    expect(forSales!.icp).toEqual(await getIcp(ctx.server, icp.id, as(signers.sales)));
  });

  it('lists every ICP with its review state, loaded for the whole list', async () => {
    const draft = await createIcp(ctx.server, 'List: draft');
    const inReview = await underReview('List: in review');
    const changes = await underReview('List: changes requested');
    expectReview(await sign('product', changes.version.id, 'request_changes', 'Too broad'));
    const done = await approved('List: approved');
    expectReview(await sign('sales', inReview.version.id));

    const response = await request<{ icps: IcpListItemDto[] }>(
      ctx.server,
      'GET',
      `/api/icps?workspaceId=${ctx.server.admin!.workspaceId}`,
      { as: as(signers.sales) },
    );
    const byId = new Map(response.body.icps.map((i) => [i.id, i]));
    expect(byId.get(draft.id)!.review.state).toBe('draft');
    expect(byId.get(inReview.icp.id)!.review).toMatchObject({
      state: 'in_review',
      current: { versionId: inReview.version.id, signOffs: [expect.objectContaining({ function: 'sales' })] },
    });
    expect(byId.get(changes.icp.id)!.review.state).toBe('changes_requested');
    expect(byId.get(done.icp.id)!.review).toEqual(done.review);
    for (const listed of byId.values()) {
      // List items add the draft, last editor and presence (tests/integration/icpList.test.ts).
      const { draft: _draft, lastEditor: _lastEditor, activeUsers: _activeUsers, ...icp } = listed;
      expect(icp).toEqual(await getIcp(ctx.server, listed.id, as(signers.sales)));
    }
  });

  it('sets the review cadence, and shows "review due" once it has passed since the approval', async () => {
    const { icp, review } = await approved('Cadence');
    const open = await pool.connect(ctx.server, icp.id, { token: viewer.token, params: { acks: '1' } });
    const response = await request<IcpDto>(ctx.server, 'PATCH', `/api/icps/${icp.id}`, {
      body: { reviewIntervalDays: 30 },
      as: as(editor),
    });
    expect(response.status).toBe(200);
    expect(response.body.title).toBe('Cadence');
    expect(response.body.review).toMatchObject({
      state: 'approved',
      reviewIntervalDays: 30,
      reviewDue: false,
    });
    expect(Date.parse(response.body.review.reviewDueAt!)).toBe(
      Date.parse(review.approved!.approvedAt) + 30 * DAY_MS,
    );
    await waitFor(() =>
      open.events.some((e) => e.type === 'icp.updated' && e.icp.review.reviewIntervalDays === 30),
    );

    for (const [body, field] of [
      [{ reviewIntervalDays: 6 }, 'reviewIntervalDays'],
      [{ reviewIntervalDays: 731 }, 'reviewIntervalDays'],
      [{ reviewIntervalDays: 30.5 }, 'reviewIntervalDays'],
      [{ reviewIntervalDays: '30' }, 'reviewIntervalDays'],
      [{}, 'body'],
    ] as const) {
      errorOf(
        await request(ctx.server, 'PATCH', `/api/icps/${icp.id}`, { body }),
        400,
        'invalid_input',
        field,
      );
    }
    errorOf(
      await request(ctx.server, 'PATCH', `/api/icps/${icp.id}`, {
        body: { reviewIntervalDays: 7 },
        as: as(signers.sales),
      }),
      403,
      'forbidden',
    );

    // Forty days after the approval, a 30-day cadence is overdue.
    const past = new Date(Date.now() - 40 * DAY_MS).toISOString();
    expect(
      await ctx.storage.tamper('UPDATE approvals SET approved_at = $1 WHERE icp_id = $2', [past, icp.id]),
    ).toBe(1);
    const due = (await getIcp(ctx.server, icp.id)).review;
    expect(due).toMatchObject({ state: 'approved', reviewDue: true, reviewIntervalDays: 30 });
    expect(Date.parse(due.reviewDueAt!)).toBe(Date.parse(past) + 30 * DAY_MS);
    const listed = await request<{ icps: IcpDto[] }>(
      ctx.server,
      'GET',
      `/api/icps?workspaceId=${ctx.server.admin!.workspaceId}`,
    );
    expect(listed.body.icps.find((i) => i.id === icp.id)!.review.reviewDue).toBe(true);
    // A longer cadence is not due yet.
    const relaxed = await request<IcpDto>(ctx.server, 'PATCH', `/api/icps/${icp.id}`, {
      body: { reviewIntervalDays: 90 },
    });
    expect(relaxed.body.review.reviewDue).toBe(false);
  });

  it('exports an approved version with who approved it and who signed for each function', async () => {
    const { version } = await approved('Approved export');
    const markdown = await request<string>(ctx.server, 'GET', `/api/versions/${version.id}/export`);
    expect(markdown.body).toMatch(/\*\*Approved\*\* by Lee Leader/);
    for (const name of ['Sam Sales', 'Mia Marketing', 'Pat Product', 'Cal Success'])
      expect(markdown.body).toContain(name);
    const json = await request<{
      approval: { approvedBy: unknown; signOffs: unknown[]; versionHash: string };
    }>(ctx.server, 'GET', `/api/versions/${version.id}/export?format=json`);
    expect(json.body.approval.approvedBy).toEqual({ id: approver.user.id, name: 'Lee Leader' });
    expect(json.body.approval.signOffs).toHaveLength(4);
    expect(json.body.approval.versionHash).toBe(version.hash);
  });

  it('keeps reviews, sign-offs and approvals across a restart', async () => {
    const done = await approved('Durable approval');
    const open = await underReview('Durable review');
    expectReview(await sign('customer_success', open.version.id, 'request_changes', 'Add churn data'));
    const before = [await getIcp(ctx.server, done.icp.id), await getIcp(ctx.server, open.icp.id)];

    expect(await ctx.server.stop()).toBe(0);
    await ctx.server.restart();

    expect([await getIcp(ctx.server, done.icp.id), await getIcp(ctx.server, open.icp.id)]).toEqual(before);
    expect(before[1]!.review.state).toBe('changes_requested');
  });
});
