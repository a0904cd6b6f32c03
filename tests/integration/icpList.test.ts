import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  addListItem,
  colorForName,
  FUNCTIONS,
  type IcpDraftDto,
  type IcpFunction,
  type IcpListItemDto,
  type IcpReviewDto,
  type VersionDto,
} from '@bullseye/shared';
import { createIcp, request, type ApiResponse, type Credentials } from '../support/api.js';
import { addMember, addReviewTeam, expectStatus, type Account } from '../support/actors.js';
import { BACKENDS } from '../support/backends.js';
import { ClientPool } from '../support/collabClient.js';
import { useServer } from '../support/harness.js';
import { appendParagraph } from '../support/icpDocs.js';
import { waitFor } from '../support/waitFor.js';
import {
  approveVersion,
  createVersion,
  getIcp,
  requestSignOff,
  settled,
  sha256,
  signOff,
} from '../support/versions.js';

/**
 * The ICP list as a team chooses from it: the draft against the approved version and the version
 * under review (by hash, from the server's own reading of the update log), completeness, the last
 * editor, and who has each ICP open right now.
 */
describe.each(BACKENDS)('ICP list on %s', (backend) => {
  const ctx = useServer(backend);
  const pool = new ClientPool();
  afterEach(() => pool.destroyAll());

  let signers: Record<IcpFunction, Account>;
  let approver: Account;
  let editor: Account;
  const as = (account: Account): Credentials => ({ token: account.token });

  beforeAll(async () => {
    ({ signers, approver } = await addReviewTeam(ctx.server));
    editor = await addMember(ctx.server, 'editor', { name: 'Edna Editor' });
  });

  async function listItem(icpId: string, who?: Account): Promise<IcpListItemDto> {
    const response = await request<{ icps: IcpListItemDto[] }>(
      ctx.server,
      'GET',
      `/api/icps?workspaceId=${ctx.server.admin!.workspaceId}`,
      { as: who && as(who) },
    );
    const icps = expectStatus(response, 200, 'listing ICPs').icps;
    const item = icps.find((i) => i.id === icpId);
    if (!item) throw new Error(`ICP ${icpId} is not in the list`);
    return item;
  }

  async function draftOf(icpId: string, who?: Account): Promise<IcpDraftDto> {
    const response = await request<IcpDraftDto>(ctx.server, 'GET', `/api/icps/${icpId}/draft`, {
      as: who && as(who),
    });
    return expectStatus(response, 200, 'the draft against the review');
  }

  function ok(response: ApiResponse<IcpReviewDto>): IcpReviewDto {
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body;
  }

  async function approve(version: VersionDto): Promise<void> {
    ok(await requestSignOff(ctx.server, version.id, as(editor)));
    for (const fn of FUNCTIONS) {
      ok(await signOff(ctx.server, version.id, { function: fn, decision: 'approve' }, as(signers[fn])));
    }
    ok(await approveVersion(ctx.server, version.id, as(approver)));
  }

  it('says "edited since approval" after a real edit of the draft, and not after a restore of the approved version', async () => {
    const icp = await createIcp(ctx.server, 'Edited since approval');
    const author = await pool.connect(ctx.server, icp.id, { token: editor.token });
    const observer = await pool.connect(ctx.server, icp.id, { token: approver.token });
    addListItem(author.doc, 'industries', 'Fintech');
    const approvedCanonical = await settled(author, observer);
    const v1 = await createVersion(ctx.server, icp.id, 'To approve', { as: as(editor) });
    expect(v1.hash).toBe(sha256(approvedCanonical));
    await approve(v1);

    const fresh = await listItem(icp.id);
    expect(fresh.review.state).toBe('approved');
    expect(fresh.draft).toMatchObject({
      hash: v1.hash,
      editedSinceApproval: false,
      changedSinceReview: null,
    });
    expect(fresh.draft.completeness).toEqual(expect.any(Number));

    addListItem(author.doc, 'industries', 'Banking');
    const edited = await settled(author, observer);
    // Nothing is waited for on the server's side: the list reads what the log has committed.
    const after = await listItem(icp.id);
    expect(after.draft).toMatchObject({ hash: sha256(edited), editedSinceApproval: true });
    expect(after.review.approved?.hash).toBe(v1.hash);
    // Viewers of the same list (any member) see the same; the single ICP says so too.
    expect((await listItem(icp.id, signers.sales)).draft.editedSinceApproval).toBe(true);
    expect(await draftOf(icp.id)).toMatchObject({ hash: sha256(edited), editedSinceApproval: true });

    // The owner restores the approved version.
    const restored = await request(ctx.server, 'POST', `/api/versions/${v1.id}/restore`);
    expect(restored.status, JSON.stringify(restored.body)).toBe(200);
    await waitFor(() => observer.canonical() === approvedCanonical);
    const back = await listItem(icp.id);
    expect(back.draft).toMatchObject({ hash: v1.hash, editedSinceApproval: false });
    // The restore was an edit by the person who asked for it.
    expect(back.lastEditor?.id).toBe(ctx.server.admin!.userId);
  });

  it('says whether the draft moved on from the version under review', async () => {
    const icp = await createIcp(ctx.server, 'Under review');
    const author = await pool.connect(ctx.server, icp.id, { token: editor.token });
    const observer = await pool.connect(ctx.server, icp.id, { token: approver.token });
    appendParagraph(author.doc, 'goals', 'Cut onboarding time in half');
    await settled(author, observer);
    const v1 = await createVersion(ctx.server, icp.id, 'Candidate', { as: as(editor) });
    ok(await requestSignOff(ctx.server, v1.id, as(editor)));

    expect(await draftOf(icp.id, signers.sales)).toMatchObject({
      hash: v1.hash,
      changedSinceReview: false,
      editedSinceApproval: null,
    });

    appendParagraph(author.doc, 'goals', 'A compliance fix that went only into the draft');
    await settled(author, observer);
    expect(await draftOf(icp.id, signers.sales)).toMatchObject({ changedSinceReview: true });
    expect((await getIcp(ctx.server, icp.id)).review.current?.hash).toBe(v1.hash);
    expect((await listItem(icp.id)).draft.changedSinceReview).toBe(true);
  });

  it('shows who is in an ICP while their socket is open, once per person, and not after', async () => {
    const icp = await createIcp(ctx.server, 'Presence');
    expect((await listItem(icp.id)).activeUsers).toEqual([]);

    const tab1 = await pool.connect(ctx.server, icp.id, { token: signers.sales.token });
    const tab2 = await pool.connect(ctx.server, icp.id, { token: signers.sales.token });
    const other = await pool.connect(ctx.server, icp.id, { token: editor.token });
    const present = await listItem(icp.id);
    expect(present.activeUsers).toEqual([
      { id: signers.sales.user.id, name: 'Sam Sales', color: colorForName(signers.sales.user.id) },
      { id: editor.user.id, name: 'Edna Editor', color: colorForName(editor.user.id) },
    ]);

    tab1.destroy();
    other.destroy();
    await waitFor(async () => {
      const users = (await listItem(icp.id)).activeUsers.map((u) => u.name);
      return users.length === 1 && users[0] === 'Sam Sales';
    });
    tab2.destroy();
    await waitFor(async () => (await listItem(icp.id)).activeUsers.length === 0);
  });

  it('names the last editor and the completeness of the draft', async () => {
    const icp = await createIcp(ctx.server, 'Last editor');
    const empty = await listItem(icp.id);
    expect(empty.lastEditor).toBeNull();
    // Only the optional Notes count as complete in an empty ICP.
    expect(empty.draft.completeness).toEqual(expect.any(Number));

    const author = await pool.connect(ctx.server, icp.id, { token: editor.token });
    const observer = await pool.connect(ctx.server, icp.id, { token: approver.token });
    addListItem(author.doc, 'industries', 'Fintech');
    addListItem(author.doc, 'geographies', 'Germany');
    await settled(author, observer);
    // The first edit's hook runs after the commit; the list catches up with it.
    const edited = await waitFor(async () => {
      const item = await listItem(icp.id);
      if (!item.lastEditor) throw new Error('no last editor yet');
      return item;
    });
    expect(edited.lastEditor).toEqual({ id: editor.user.id, name: 'Edna Editor' });
    expect(edited.draft.completeness).toBeGreaterThan(empty.draft.completeness!);
    expect(edited.draft.editedSinceApproval).toBeNull();

    // A commenter only watching does not become the last editor; the next person to edit does.
    await pool.connect(ctx.server, icp.id, { token: signers.sales.token });
    const other = await pool.connect(ctx.server, icp.id, { token: ctx.server.admin!.token });
    addListItem(other.doc, 'industries', 'Insurance');
    await settled(other, observer);
    await waitFor(async () => (await listItem(icp.id)).lastEditor?.id === ctx.server.admin!.userId);
  });
});
