import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  FUNCTIONS,
  type IcpFunction,
  type InboxCountDto,
  type ReviewInboxItemDto,
  type ServerEvent,
} from '@bullseye/shared';
import { createIcp, request, type Credentials } from '../support/api.js';
import { addMember, expectStatus, type Account } from '../support/actors.js';
import { BACKENDS } from '../support/backends.js';
import { ClientPool, type CollabClient } from '../support/collabClient.js';
import { readInbox, setFollowing } from '../support/comments.js';
import { useServer } from '../support/harness.js';
import { waitFor } from '../support/waitFor.js';
import { approveVersion, createVersion, requestSignOff, signOff } from '../support/versions.js';

describe.each(BACKENDS)('review steps in the inbox on %s', (backend) => {
  const ctx = useServer(backend);
  const pool = new ClientPool();
  afterEach(() => pool.destroyAll());

  /** One signer per function (Pat, product, is an editor), a viewer of product, an approver, an editor, a follower, a bystander. */
  let signers: Record<IcpFunction, Account>;
  let pru: Account;
  let lee: Account;
  let eve: Account;
  let fay: Account;
  let nat: Account;
  const as = (account: Account): Credentials => ({ token: account.token });
  /** The provisioned owner (an admin: may edit, signs for nothing, approves nothing). */
  const OWNER = 'owner';

  beforeAll(async () => {
    signers = {
      sales: await addMember(ctx.server, 'commenter', { name: 'Sam Sales', function: 'sales' }),
      marketing: await addMember(ctx.server, 'commenter', { name: 'Mia Marketing', function: 'marketing' }),
      product: await addMember(ctx.server, 'editor', { name: 'Pat Product', function: 'product' }),
      customer_success: await addMember(ctx.server, 'commenter', {
        name: 'Cal Success',
        function: 'customer_success',
      }),
    };
    pru = await addMember(ctx.server, 'viewer', { name: 'Pru Product', function: 'product' });
    lee = await addMember(ctx.server, 'commenter', { name: 'Lee Leader', approver: true });
    eve = await addMember(ctx.server, 'editor', { name: 'Eve Editor' });
    fay = await addMember(ctx.server, 'commenter', { name: 'Fay Follower' });
    nat = await addMember(ctx.server, 'commenter', { name: 'Nat Bystander' });
  });

  const everyone = (): [string, Account | undefined][] => [
    ['sam', signers.sales],
    ['mia', signers.marketing],
    ['pat', signers.product],
    ['cal', signers.customer_success],
    ['pru', pru],
    ['lee', lee],
    ['eve', eve],
    ['fay', fay],
    ['nat', nat],
    [OWNER, undefined],
  ];

  /** A person's review items about one ICP, newest first. */
  async function reviewItems(account: Account | undefined, icpId: string): Promise<ReviewInboxItemDto[]> {
    const inbox = await readInbox(ctx.server, account && as(account), '?limit=100');
    return inbox.items.filter(
      (item): item is ReviewInboxItemDto => item.kind === 'review' && item.icp.id === icpId,
    );
  }

  /**
   * Who has an item for `event` about the ICP, and why: "signer:product", "requester"... Asserts
   * one item per person per step.
   */
  async function recipients(icpId: string, event: ReviewInboxItemDto['event'], versionId: string) {
    const found: Record<string, string> = {};
    for (const [name, account] of everyone()) {
      const items = (await reviewItems(account, icpId)).filter((i) => i.event === event);
      expect(items.length, `${name}'s ${event} items`).toBeLessThanOrEqual(1);
      const item = items[0];
      if (!item) continue;
      expect(item.version.id).toBe(versionId);
      found[name] = item.yourFunction ? `${item.reason}:${item.yourFunction}` : item.reason;
    }
    return found;
  }

  const inboxEvents = (client: CollabClient) =>
    client.events.filter(
      (e): e is Extract<ServerEvent, { type: 'inbox.changed' }> => e.type === 'inbox.changed',
    );

  it('tells the right people of each step, once each, with the precise reason, never the actor', async () => {
    const icp = await createIcp(ctx.server, 'Review inbox');
    await setFollowing(ctx.server, icp.id, true, as(fay));
    const version = await createVersion(ctx.server, icp.id, 'Q1 workshop', { as: as(eve) });
    const patsSocket = await pool.connect(ctx.server, icp.id, {
      token: signers.product.token,
      params: { acks: '1' },
    });
    const patUnread = (await readInbox(ctx.server, as(signers.product))).unreadCount;

    // Sign-off requested: every signer with their function, the approver, the follower.
    expectStatus(await requestSignOff(ctx.server, version.id, as(eve)), 200, 'requesting sign-off');
    expect(await recipients(icp.id, 'signoff_requested', version.id)).toEqual({
      sam: 'signer:sales',
      mia: 'signer:marketing',
      pat: 'signer:product',
      cal: 'signer:customer_success',
      lee: 'approver',
      fay: 'follower',
    });
    const [patsItem] = await reviewItems(signers.product, icp.id);
    expect(patsItem).toEqual({
      kind: 'review',
      id: expect.any(String),
      createdAt: expect.any(String),
      readAt: null,
      icp: { id: icp.id, title: 'Review inbox', workspaceId: ctx.server.admin!.workspaceId },
      actor: { id: eve.user.id, name: 'Eve Editor' },
      event: 'signoff_requested',
      reason: 'signer',
      version: { id: version.id, number: version.number, name: 'Q1 workshop' },
      yourFunction: 'product',
      byFunction: null,
      excerpt: '',
      workshopId: null,
    });
    // Pat's open socket hears the new count at once.
    await waitFor(() =>
      expect(inboxEvents(patsSocket).at(-1)).toEqual({ type: 'inbox.changed', unreadCount: patUnread + 1 }),
    );

    // Marking it read works like any item.
    const marked = await request<InboxCountDto>(ctx.server, 'POST', '/api/inbox/read', {
      body: { ids: [patsItem!.id] },
      as: as(signers.product),
    });
    expect(marked.body).toEqual({ unreadCount: patUnread });
    expect((await reviewItems(signers.product, icp.id))[0]!.readAt).not.toBeNull();

    // Changes requested by Marketing: the requester, who may edit (Pat, the owner), the follower.
    const changes = await signOff(
      ctx.server,
      version.id,
      { function: 'marketing', decision: 'request_changes', reason: 'Too broad for EMEA' },
      as(signers.marketing),
    );
    expectStatus(changes, 200, 'requesting changes');
    expect(await recipients(icp.id, 'changes_requested', version.id)).toEqual({
      eve: 'requester',
      pat: 'editor',
      [OWNER]: 'editor',
      fay: 'follower',
    });
    expect((await reviewItems(eve, icp.id))[0]).toMatchObject({
      event: 'changes_requested',
      actor: { id: signers.marketing.user.id, name: 'Mia Marketing' },
      byFunction: 'marketing',
      excerpt: 'Too broad for EMEA',
    });

    // Approvals that leave a function missing tell nobody; the one that completes all four tells
    // the approver and the requester, and approving again tells nobody again.
    for (const fn of FUNCTIONS) {
      expectStatus(
        await signOff(ctx.server, version.id, { function: fn, decision: 'approve' }, as(signers[fn])),
        200,
        `${fn} approves`,
      );
      if (fn !== 'customer_success') {
        expect(await recipients(icp.id, 'all_approved', version.id)).toEqual({});
      }
    }
    expect(await recipients(icp.id, 'all_approved', version.id)).toEqual({
      lee: 'approver',
      eve: 'requester',
    });
    expect((await reviewItems(lee, icp.id))[0]!.actor?.name).toBe('Cal Success');
    expectStatus(
      await signOff(ctx.server, version.id, { function: 'sales', decision: 'approve' }, as(signers.sales)),
      200,
      'sales approves again',
    );
    expect(await recipients(icp.id, 'all_approved', version.id)).toEqual({
      lee: 'approver',
      eve: 'requester',
    });

    // Approved: the requester, the four whose sign-offs counted, the follower; not Lee, who approved.
    expectStatus(await approveVersion(ctx.server, version.id, as(lee), 'Ship it'), 200, 'approving');
    expect(await recipients(icp.id, 'approved', version.id)).toEqual({
      eve: 'requester',
      sam: 'signer:sales',
      mia: 'signer:marketing',
      pat: 'signer:product',
      cal: 'signer:customer_success',
      fay: 'follower',
    });
    expect((await reviewItems(fay, icp.id))[0]).toMatchObject({
      event: 'approved',
      actor: { id: lee.user.id, name: 'Lee Leader' },
      excerpt: 'Ship it',
    });

    // Pru (a viewer) and Nat (neither signs nor follows) heard nothing; nor did anyone about their own step.
    expect(await reviewItems(pru, icp.id)).toEqual([]);
    expect(await reviewItems(nat, icp.id)).toEqual([]);
    expect((await reviewItems(eve, icp.id)).some((i) => i.event === 'signoff_requested')).toBe(false);
    expect((await reviewItems(lee, icp.id)).some((i) => i.event === 'approved')).toBe(false);
  });

  it('a new request on another version reaches the signers again, for that version', async () => {
    const icp = await createIcp(ctx.server, 'Second request');
    const first = await createVersion(ctx.server, icp.id, 'First', { as: as(eve) });
    expectStatus(await requestSignOff(ctx.server, first.id, as(eve)), 200, 'first request');
    const second = await createVersion(ctx.server, icp.id, 'Second', { as: as(signers.product) });
    expectStatus(await requestSignOff(ctx.server, second.id, as(signers.product)), 200, 'second request');
    const sams = await reviewItems(signers.sales, icp.id);
    expect(sams.map((i) => [i.event, i.version.name, i.actor?.name])).toEqual([
      ['signoff_requested', 'Second', 'Pat Product'],
      ['signoff_requested', 'First', 'Eve Editor'],
    ]);
    // Pat asked the second time, so heard only of Eve's first request.
    expect((await reviewItems(signers.product, icp.id)).map((i) => i.version.name)).toEqual(['First']);
  });
});
