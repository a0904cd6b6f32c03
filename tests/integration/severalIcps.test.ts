import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  FUNCTIONS,
  addListItem,
  toCanonical,
  writeAcceptableBand,
  writeDisqualifierRule,
  writeImportance,
  writeRange,
  writeThresholds,
  type AuditLogDto,
  type IcpComparisonDto,
  type IcpDto,
  type IcpListItemDto,
  type InheritedDisqualifiersDto,
  type ScoreResponse,
  type ThreadListDto,
  type VersionDto,
  type VersionListDto,
  type WorkspaceDto,
} from '@bullseye/shared';
import { createIcp, errorOf, request, type Credentials } from '../support/api.js';
import { addMember, addReviewTeam, expectStatus, type Account, type ReviewTeam } from '../support/actors.js';
import { BACKENDS } from '../support/backends.js';
import { ClientPool } from '../support/collabClient.js';
import { startThread } from '../support/comments.js';
import { csvOf, importCsv } from '../support/datasets.js';
import { useServer } from '../support/harness.js';
import { appendParagraph } from '../support/icpDocs.js';
import {
  approveVersion,
  createVersion,
  getVersion,
  requestSignOff,
  settled,
  signOff,
} from '../support/versions.js';

const as = (who: Account): Credentials => ({ token: who.token });

describe.each(BACKENDS)('several ICPs on %s', (backend) => {
  const ctx = useServer(backend);
  const pool = new ClientPool();
  afterEach(() => pool.destroyAll());

  let workspaceId: string;
  let editor: Account;
  let commenter: Account;
  let viewer: Account;
  let outsider: Account;
  let otherWorkspaceIcp: IcpDto;
  let team: ReviewTeam;

  beforeAll(async () => {
    workspaceId = ctx.server.admin!.workspaceId;
    editor = await addMember(ctx.server, 'editor', { name: 'Eda Editor' });
    commenter = await addMember(ctx.server, 'commenter', { name: 'Cole Commenter' });
    viewer = await addMember(ctx.server, 'viewer', { name: 'Vic Viewer' });
    team = await addReviewTeam(ctx.server);
    const other = expectStatus(
      await request<WorkspaceDto>(ctx.server, 'POST', '/api/workspaces', { body: { name: 'Elsewhere' } }),
      201,
      'creating a second workspace',
    );
    outsider = await addMember(ctx.server, 'admin', { name: 'Olga Outsider', workspaceId: other.id });
    // The owner is an admin of both workspaces: still, an ICP of the other one is never compared.
    otherWorkspaceIcp = await createIcp(ctx.server, 'Theirs', other.id);
  });

  /** An ICP written live by the editor: industries, a size band, a geography, a disqualifier. */
  async function writtenIcp(
    title: string,
    content: { industries: string[]; employees: [number, number]; disqualifier?: string; goal?: string },
  ) {
    const icp = await createIcp(ctx.server, title);
    const writer = await pool.connect(ctx.server, icp.id, { token: editor.token, params: { acks: '1' } });
    const observer = await pool.connect(ctx.server, icp.id);
    for (const industry of content.industries) addListItem(writer.doc, 'industries', industry);
    addListItem(writer.doc, 'geographies', 'North America');
    writeRange(writer.doc, 'employees', { min: content.employees[0], max: content.employees[1] });
    writeImportance(writer.doc, 'industries', 'must');
    if (content.disqualifier) {
      const item = addListItem(writer.doc, 'disqualifiers', `No ${content.disqualifier}`);
      writeDisqualifierRule(writer.doc, item.id, {
        field: 'industry',
        op: 'is',
        values: [content.disqualifier],
      });
    }
    if (content.goal) appendParagraph(writer.doc, 'goals', content.goal);
    await settled(writer, observer);
    return { icp, writer, observer };
  }

  async function approve(version: VersionDto): Promise<void> {
    expectStatus(await requestSignOff(ctx.server, version.id, as(editor)), 200, 'requesting sign-off');
    for (const fn of FUNCTIONS) {
      expectStatus(
        await signOff(ctx.server, version.id, { function: fn, decision: 'approve' }, as(team.signers[fn])),
        200,
        `signing off for ${fn}`,
      );
    }
    expectStatus(await approveVersion(ctx.server, version.id, as(team.approver)), 200, 'approving');
  }

  const list = async () =>
    expectStatus(
      await request<{ icps: IcpListItemDto[] }>(ctx.server, 'GET', `/api/icps?workspaceId=${workspaceId}`),
      200,
      'listing ICPs',
    ).icps;

  it('duplicates content only (no history, comments, versions or sign-offs), for editors, audited', async () => {
    const { icp: source, writer } = await writtenIcp('Mid-market fintech', {
      industries: ['Fintech'],
      employees: [200, 1000],
      disqualifier: 'Public sector',
      goal: 'Close the books in a day',
    });
    // What else a page holds: a criterion promoted by a workshop, grade thresholds, an acceptable
    // band and revenue in euros.
    addListItem(writer.doc, 'technologies', 'Snowflake', undefined, {
      source: 'workshop',
      workshopId: crypto.randomUUID(),
      noteId: crypto.randomUUID(),
      proposedBy: { id: editor.user.id, name: 'Eda Editor' },
      votes: 3,
      at: new Date().toISOString(),
    });
    writeThresholds(writer.doc, { a: 85, b: 65, c: 45 });
    writeAcceptableBand(writer.doc, 'employees', { min: 100, max: 2000 });
    writeRange(writer.doc, 'revenue', { min: 10_000_000, max: 50_000_000, currency: 'EUR' });
    await settled(writer, await pool.connect(ctx.server, source.id));
    await startThread(ctx.server, source.id, 'Is 1,000 the right ceiling?', { as: as(editor) });
    await approve(await createVersion(ctx.server, source.id, 'v1'));
    // Signed off as an ICP, it keeps its kind: a negative copy is the way.
    errorOf(
      await request(ctx.server, 'PATCH', `/api/icps/${source.id}`, { body: { kind: 'negative' } }),
      409,
      'kind_locked',
    );

    const body = { title: 'Enterprise fintech' };
    for (const who of [commenter, viewer]) {
      errorOf(
        await request(ctx.server, 'POST', `/api/icps/${source.id}/duplicate`, { body, as: as(who) }),
        403,
        'forbidden',
      );
    }
    errorOf(
      await request(ctx.server, 'POST', `/api/icps/${source.id}/duplicate`, { body, as: as(outsider) }),
      404,
      'not_found',
    );
    errorOf(
      await request(ctx.server, 'POST', `/api/icps/${source.id}/duplicate`, { body: { title: '' } }),
      400,
      'invalid_input',
      'title',
    );
    errorOf(
      await request(ctx.server, 'POST', `/api/icps/${source.id}/duplicate`, {
        body: { title: 'X', kind: 'competitor' },
      }),
      400,
      'invalid_input',
      'kind',
    );

    const copy = expectStatus(
      await request<IcpDto>(ctx.server, 'POST', `/api/icps/${source.id}/duplicate`, { body, as: as(editor) }),
      201,
      'duplicating',
    );
    expect(copy).toMatchObject({ title: 'Enterprise fintech', kind: 'icp', primary: false, workspaceId });
    expect(copy.review.state).toBe('draft');
    expect(copy.review.approved).toBeNull();

    // The same content, read by a stock client of the new ICP.
    const reader = await pool.connect(ctx.server, copy.id);
    const copied = toCanonical(reader.doc);
    expect(copied).toEqual(toCanonical(writer.doc));
    expect(copied.scoring?.thresholds).toEqual({ a: 85, b: 65, c: 45 });
    expect(copied.sections.revenue).toMatchObject({ currency: 'EUR', min: 10_000_000 });
    expect(copied.sections.employees).toMatchObject({ acceptable: { min: 100, max: 2000 } });
    expect(JSON.stringify(copied.sections.technologies)).toContain('"votes":3');
    // None of the history.
    const versions = expectStatus(
      await request<VersionListDto>(ctx.server, 'GET', `/api/icps/${copy.id}/versions`),
      200,
      'versions of the copy',
    );
    expect(versions.versions).toEqual([]);
    const threads = expectStatus(
      await request<ThreadListDto>(ctx.server, 'GET', `/api/icps/${copy.id}/comments`),
      200,
      'threads of the copy',
    );
    expect(threads.threads).toEqual([]);
    // The copy is its own document: editing it leaves the source alone.
    addListItem(reader.doc, 'industries', 'Insurance');
    const sourceReader = await pool.connect(ctx.server, source.id);
    await settled(reader, await pool.connect(ctx.server, copy.id));
    expect(toCanonical(sourceReader.doc).sections.industries).toHaveLength(1);

    const audit = expectStatus(
      await request<AuditLogDto>(ctx.server, 'GET', `/api/workspaces/${workspaceId}/audit?icpId=${copy.id}`),
      200,
      'the copy audit',
    );
    expect(audit.entries[0]).toMatchObject({
      kind: 'icp.duplicated',
      actor: { name: 'Eda Editor' },
      data: { fromIcpId: source.id, fromTitle: 'Mid-market fintech', kind: 'icp' },
    });

    // Duplicated as a negative ICP.
    const negative = expectStatus(
      await request<IcpDto>(ctx.server, 'POST', `/api/icps/${source.id}/duplicate`, {
        body: { title: 'Never: copy', kind: 'negative' },
      }),
      201,
      'duplicating as negative',
    );
    expect(negative.kind).toBe('negative');
    expectStatus(await request(ctx.server, 'POST', `/api/icps/${negative.id}/archive`), 200, 'archiving it');
  });

  it('keeps at most one primary ICP per workspace; negative and archived ICPs cannot be primary', async () => {
    const first = await createIcp(ctx.server, 'Primary one');
    const second = await createIcp(ctx.server, 'Primary two');
    const primary = (id: string) => `/api/icps/${id}/primary`;

    for (const who of [commenter, viewer]) {
      errorOf(await request(ctx.server, 'PUT', primary(first.id), { as: as(who) }), 403, 'forbidden');
    }
    errorOf(await request(ctx.server, 'PUT', primary(first.id), { as: as(outsider) }), 404, 'not_found');

    const marked = expectStatus(
      await request<IcpDto>(ctx.server, 'PUT', primary(first.id), { as: as(editor) }),
      200,
      'marking',
    );
    expect(marked.primary).toBe(true);
    // Marking again changes nothing.
    expectStatus(await request<IcpDto>(ctx.server, 'PUT', primary(first.id)), 200, 'marking again');
    const moved = expectStatus(await request<IcpDto>(ctx.server, 'PUT', primary(second.id)), 200, 'moving');
    expect(moved.primary).toBe(true);
    let icps = await list();
    expect(icps.filter((i) => i.primary).map((i) => i.id)).toEqual([second.id]);

    // Both marks at once from two requests still leave one.
    const raced = await Promise.all([
      request(ctx.server, 'PUT', primary(first.id)),
      request(ctx.server, 'PUT', primary(second.id)),
    ]);
    expect(raced.map((r) => r.status)).toEqual([200, 200]);
    icps = await list();
    expect(icps.filter((i) => i.primary)).toHaveLength(1);

    // Becoming negative clears the mark; a negative ICP cannot be marked.
    const current = icps.find((i) => i.primary)!;
    const negative = expectStatus(
      await request<IcpDto>(ctx.server, 'PATCH', `/api/icps/${current.id}`, { body: { kind: 'negative' } }),
      200,
      'making it negative',
    );
    expect(negative).toMatchObject({ kind: 'negative', primary: false });
    errorOf(await request(ctx.server, 'PUT', primary(current.id)), 409, 'negative_icp');
    errorOf(
      await request(ctx.server, 'PATCH', `/api/icps/${current.id}`, { body: { kind: 'vip' } }),
      400,
      'invalid_input',
      'kind',
    );
    expectStatus(
      await request(ctx.server, 'PATCH', `/api/icps/${current.id}`, { body: { kind: 'icp' } }),
      200,
      'back to an ordinary ICP',
    );

    // Archiving the primary ICP clears the mark; an archived ICP cannot be marked.
    const other = current.id === first.id ? second : first;
    expectStatus(await request(ctx.server, 'PUT', primary(other.id)), 200, 'marking the other');
    expectStatus(await request(ctx.server, 'POST', `/api/icps/${other.id}/archive`), 200, 'archiving');
    expect((await list()).some((i) => i.primary)).toBe(false);
    errorOf(await request(ctx.server, 'PUT', primary(other.id)), 409, 'archived');
    expectStatus(await request(ctx.server, 'POST', `/api/icps/${other.id}/unarchive`), 200, 'restoring');

    const unmarked = expectStatus(
      await request<IcpDto>(ctx.server, 'DELETE', primary(current.id)),
      200,
      'unmarking',
    );
    expect(unmarked.primary).toBe(false);

    const audit = expectStatus(
      await request<AuditLogDto>(
        ctx.server,
        'GET',
        `/api/workspaces/${workspaceId}/audit?icpId=${current.id}`,
      ),
      200,
      'audit',
    );
    const kinds = audit.entries.map((e) => e.kind);
    expect(kinds).toContain('icp.primary_changed');
    expect(kinds).toContain('icp.kind_changed');
    for (const id of [first.id, second.id]) {
      expectStatus(await request(ctx.server, 'POST', `/api/icps/${id}/archive`), 200, 'tidying up');
    }
  });

  it('compares two ICPs: shared criteria, conflicts, distinct segments and the accounts both fit', async () => {
    const { icp: a } = await writtenIcp('Fintech and insurance', {
      industries: ['Fintech', 'Insurance'],
      employees: [200, 1000],
    });
    const { icp: b } = await writtenIcp('Insurance only', {
      industries: ['Insurance'],
      employees: [500, 5000],
      disqualifier: 'Fintech',
    });
    const { icp: c } = await writtenIcp('Retail', { industries: ['Retail'], employees: [200, 1000] });
    const compare = (x: string, y: string, who?: Credentials, query = '') =>
      request<IcpComparisonDto>(ctx.server, 'GET', `/api/icps/${x}/compare/${y}${query}`, { as: who });

    // Access: any member may read; another workspace's ICP or member gets 404.
    errorOf(await compare(a.id, b.id, as(outsider)), 404, 'not_found');
    errorOf(await compare(a.id, otherWorkspaceIcp.id), 404, 'not_found');
    errorOf(await compare(otherWorkspaceIcp.id, a.id, as(viewer)), 404, 'not_found');
    errorOf(await compare(a.id, 'not-a-uuid'), 404, 'not_found');

    const ab = expectStatus(await compare(a.id, b.id, as(viewer)), 200, 'comparing a and b');
    expect(ab.a).toMatchObject({ id: a.id, title: 'Fintech and insurance', kind: 'icp' });
    expect(ab.verdict).toBe('overlapping');
    expect(ab.lists.find((l) => l.section === 'industries')).toEqual({
      section: 'industries',
      shared: ['Insurance'],
      onlyA: ['Fintech'],
      onlyB: [],
    });
    expect(ab.lists.find((l) => l.section === 'geographies')!.shared).toEqual(['North America']);
    expect(ab.ranges.find((r) => r.section === 'employees')).toMatchObject({
      relation: 'overlap',
      overlap: { min: 500, max: 1000 },
    });
    // B rules out Fintech, which A targets.
    expect(ab.conflicts).toEqual([
      { icp: 'a', section: 'industries', criterion: 'Fintech', ruledOutBy: 'No Fintech' },
    ]);

    const ac = expectStatus(await compare(a.id, c.id), 200, 'comparing a and c');
    expect(ac.verdict).toBe('distinct');
    expect(ac.separatedBy).toEqual(['industries']);

    // No dataset yet: no accounts. With one: how many accounts each fits (grade A or B), and both.
    // A small insurer in the US still fits both (the industry, a must, and the geography match);
    // a bank fits neither (it misses the must-have industry).
    expect(ab.accounts).toBeNull();
    const header = ['Record ID', 'Company name', 'Industry', 'Employees', 'Country', 'Status'];
    const dataset = await importCsv(
      ctx.server,
      workspaceId,
      'Overlap',
      csvOf([
        header,
        ['1', 'Shield Insurance', 'Insurance', '700', 'US', 'Customer'],
        ['2', 'Cover Co', 'Insurance', '800', 'Canada', 'Prospect'],
        ['3', 'Ledger', 'Fintech', '700', 'US', 'Customer'],
        ['4', 'Shop', 'Retail', '700', 'US', 'Prospect'],
        ['5', 'Tiny Insurer', 'Insurance', '20', 'US', 'Prospect'],
        ['6', 'Euro Bank', 'Banking', '700', 'Germany', 'Prospect'],
      ]),
    );
    const withData = expectStatus(await compare(a.id, b.id), 200, 'comparing with data');
    expect(withData.accounts).toMatchObject({
      datasetId: dataset.id,
      total: 6,
      fitA: 4,
      fitB: 3,
      fitBoth: 3,
    });
    expect(withData.accounts!.sample.map((s) => s.name).sort()).toEqual([
      'Cover Co',
      'Shield Insurance',
      'Tiny Insurer',
    ]);
    const named = expectStatus(
      await compare(a.id, b.id, undefined, `?datasetId=${dataset.id}`),
      200,
      'named',
    );
    expect(named.accounts!.fitBoth).toBe(3);
    errorOf(await compare(a.id, b.id, undefined, `?datasetId=${crypto.randomUUID()}`), 404, 'not_found');
    for (const icp of [a, b, c]) {
      expectStatus(await request(ctx.server, 'POST', `/api/icps/${icp.id}/archive`), 200, 'tidying up');
    }
    expectStatus(
      await request(ctx.server, 'DELETE', `/api/datasets/${dataset.id}`),
      204,
      'deleting the data',
    );
  });

  it("a negative ICP's approved criteria disqualify in every other ICP's scores", async () => {
    const { icp } = await writtenIcp('Mid-market', {
      industries: ['Fintech', 'Gambling'],
      employees: [200, 1000],
    });
    const positiveVersion = await createVersion(ctx.server, icp.id, 'Mid-market v1');
    await approve(positiveVersion);
    const negative = expectStatus(
      await request<IcpDto>(ctx.server, 'POST', '/api/icps', {
        body: { title: 'Never sell to', workspaceId, kind: 'negative' },
        as: as(editor),
      }),
      201,
      'creating a negative ICP',
    );
    expect(negative.kind).toBe('negative');
    const writer = await pool.connect(ctx.server, negative.id, {
      token: editor.token,
      params: { acks: '1' },
    });
    const observer = await pool.connect(ctx.server, negative.id);
    addListItem(writer.doc, 'industries', 'Gambling');
    writeRange(writer.doc, 'employees', { min: null, max: 10 });
    await settled(writer, observer);

    const inherited = () =>
      request<InheritedDisqualifiersDto>(ctx.server, 'GET', `/api/icps/${icp.id}/inherited-disqualifiers`, {
        as: as(viewer),
      });
    const casino = { id: 'c-1', industry: 'Gambling', employees: 300, country: 'USA' };
    const score = async (version = 'draft') =>
      expectStatus(
        await request<ScoreResponse>(
          ctx.server,
          'POST',
          `/api/icps/${icp.id}/score${version === 'approved' ? '' : `?version=${version}`}`,
          {
            body: { account: casino },
          },
        ),
        200,
        'scoring',
      );

    // Not approved yet: nothing applies, and the ICP says which negative ICP is pending.
    expect(expectStatus(await inherited(), 200, 'inherited')).toEqual({
      inherited: [],
      pending: [{ icpId: negative.id, title: 'Never sell to' }],
    });
    expect((await score()).result!.grade).not.toBe('D');
    // The approved model is compiled (and kept) before the negative ICP is approved.
    expect((await score('approved')).result!.grade).not.toBe('D');
    errorOf(
      await request(ctx.server, 'GET', `/api/icps/${icp.id}/inherited-disqualifiers`, { as: as(outsider) }),
      404,
      'not_found',
    );

    const version = await createVersion(ctx.server, negative.id, 'Never v1');
    await approve(version);
    // The coach asks an ICP for customers' words; a negative ICP describes who we never sell to.
    const rulesOf = async (versionId: string) =>
      (await getVersion(ctx.server, versionId)).checklist!.findings.map((f) => f.ruleId);
    expect(await rulesOf(positiveVersion.id)).toContain('data-only-no-customer-words');
    expect(await rulesOf(version.id)).not.toContain('data-only-no-customer-words');
    const after = expectStatus(await inherited(), 200, 'inherited after approval');
    expect(after.pending).toEqual([]);
    expect(after.inherited.map((d) => [d.text, d.rule])).toEqual([
      ['Gambling', { field: 'industry', op: 'is', values: ['Gambling'] }],
      ['Employees at most 10', { field: 'employees', op: 'between', min: null, max: 10 }],
    ]);
    expect(after.inherited[0]!.source).toMatchObject({ icpId: negative.id, versionNumber: version.number });

    const scored = await score();
    expect(scored.result).toMatchObject({ score: 0, grade: 'D' });
    // The same approved version of the ICP now scores with the negative ICP's approval too.
    const approvedScore = await score('approved');
    expect(approvedScore.result).toMatchObject({ score: 0, grade: 'D' });
    expect(approvedScore.source.negatives).toHaveLength(1);
    // Renamed, the reason names it as it is called now.
    expectStatus(
      await request(ctx.server, 'PATCH', `/api/icps/${negative.id}`, { body: { title: 'Bad fits' } }),
      200,
      'renaming',
    );
    expect((await score('approved')).result!.disqualifiedBy!.text).toBe('Never sell to (Bad fits): Gambling');
    expect(scored.result!.disqualifiedBy!.text).toBe('Never sell to (Never sell to): Gambling');
    expect(scored.source.negatives).toEqual([
      { icpId: negative.id, title: 'Never sell to', versionNumber: version.number },
    ]);
    // Approved as negative, it stays negative.
    errorOf(
      await request(ctx.server, 'PATCH', `/api/icps/${negative.id}`, { body: { kind: 'icp' } }),
      409,
      'kind_locked',
    );
    // The negative ICP inherits nothing from itself.
    const own = expectStatus(
      await request<InheritedDisqualifiersDto>(
        ctx.server,
        'GET',
        `/api/icps/${negative.id}/inherited-disqualifiers`,
      ),
      200,
      'its own',
    );
    expect(own).toEqual({ inherited: [], pending: [] });

    // Comparing with the negative ICP shows what the ICP targets that we never sell to.
    const compared = expectStatus(
      await request<IcpComparisonDto>(ctx.server, 'GET', `/api/icps/${icp.id}/compare/${negative.id}`),
      200,
      'comparing with the negative ICP',
    );
    expect(compared.conflicts).toEqual([
      { icp: 'a', section: 'industries', criterion: 'Gambling', ruledOutBy: 'Gambling' },
    ]);

    // Archived, the negative ICP no longer disqualifies.
    expectStatus(await request(ctx.server, 'POST', `/api/icps/${negative.id}/archive`), 200, 'archiving');
    expect((await score()).result!.grade).not.toBe('D');
    expectStatus(await request(ctx.server, 'POST', `/api/icps/${icp.id}/archive`), 200, 'tidying up');
  });
});
