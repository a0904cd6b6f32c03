import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import {
  addListItem,
  describeBestCustomers,
  evaluateCoach,
  findingKey,
  FUNCTIONS,
  sampleAccounts,
  sampleCsvLines,
  toCanonical,
  writeBestCustomers,
  writeRange,
  type AuditLogDto,
  type BestCustomerDefinition,
  type CoachDismissalListDto,
  type Evidence,
  type InsightsDto,
  type VersionDetailDto,
  type WorkspaceDto,
} from '@bullseye/shared';
import { createIcp, errorOf, request, type Credentials } from '../support/api.js';
import { addMember, expectStatus, type Account } from '../support/actors.js';
import { BACKENDS } from '../support/backends.js';
import { ClientPool } from '../support/collabClient.js';
import { csvOf, importCsv, reimportCsv } from '../support/datasets.js';
import { useServer } from '../support/harness.js';
import {
  approveVersion,
  createVersion,
  getVersion,
  requestSignOff,
  settled,
  signOff,
} from '../support/versions.js';
import { startThread, textAnchor } from '../support/comments.js';
import { waitFor } from '../support/waitFor.js';

describe.each(BACKENDS)('the quality coach on %s', (backend) => {
  const ctx = useServer(backend);
  const pool = new ClientPool();
  afterEach(() => pool.destroyAll());

  let editor: Account;
  let commenter: Account;
  let viewer: Account;
  let outsider: Account;
  const as = (account: Account): Credentials => ({ token: account.token });
  const path = (icpId: string) => `/api/icps/${icpId}/coach/dismissals`;

  beforeAll(async () => {
    editor = await addMember(ctx.server, 'editor', { name: 'Edna Editor', function: 'sales' });
    commenter = await addMember(ctx.server, 'commenter', { name: 'Cora Commenter', function: 'marketing' });
    viewer = await addMember(ctx.server, 'viewer', { name: 'Vic Viewer' });
    const other = expectStatus(
      await request<WorkspaceDto>(ctx.server, 'POST', '/api/workspaces', { body: { name: 'Elsewhere' } }),
      201,
      'another workspace',
    );
    outsider = await addMember(ctx.server, 'admin', { name: 'Olga Outsider', workspaceId: other.id });
  });

  /** A vague ICP: a catch-all industry and a company size spanning four orders of magnitude. */
  async function vagueIcp(title: string) {
    const icp = await createIcp(ctx.server, title);
    const writer = await pool.connect(ctx.server, icp.id, { token: editor.token, params: { acks: '1' } });
    const observer = await pool.connect(ctx.server, icp.id);
    addListItem(writer.doc, 'industries', 'Any company with a CRM');
    writeRange(writer.doc, 'employees', { min: 1, max: 100_000 });
    await settled(writer, observer);
    return { icp, writer, observer };
  }

  it('dismissals are for editors and admins, say why, are audited and reach open clients', async () => {
    const { icp, writer } = await vagueIcp('Dismissals');
    const listener = await pool.connect(ctx.server, icp.id, { token: viewer.token, params: { acks: '1' } });
    // The key the browser computes from the live draft, with the same rules.
    const catchAll = evaluateCoach({
      canonical: toCanonical(writer.doc),
      now: Date.now(),
      review: { intervalDays: null, dueAt: null, approvedAt: null },
      contributions: null,
      dataset: null,
    }).find((f) => f.ruleId === 'vague-catch-all')!;
    const key = findingKey(catchAll);
    const body = {
      findingKey: key,
      ruleId: 'vague-catch-all',
      reason: 'Our CRM vendor partners sell to anyone',
    };

    for (const who of [commenter, viewer]) {
      const refused = await request(ctx.server, 'POST', path(icp.id), { as: as(who), body });
      errorOf(refused, 403, 'forbidden');
    }
    errorOf(await request(ctx.server, 'POST', path(icp.id), { as: as(outsider), body }), 404, 'not_found');
    errorOf(await request(ctx.server, 'GET', path(icp.id), { as: as(outsider) }), 404, 'not_found');
    errorOf(
      await request(ctx.server, 'POST', path(icp.id), { as: as(editor), body: { ...body, reason: '  ' } }),
      400,
      'invalid_input',
      'reason',
    );
    errorOf(
      await request(ctx.server, 'POST', path(icp.id), {
        as: as(editor),
        body: { ...body, ruleId: 'made-up' },
      }),
      400,
      'invalid_input',
      'ruleId',
    );
    expect(
      (await request<CoachDismissalListDto>(ctx.server, 'GET', path(icp.id), { as: as(viewer) })).body,
    ).toEqual({
      dismissals: [],
    });

    const dismissed = expectStatus(
      await request<CoachDismissalListDto>(ctx.server, 'POST', path(icp.id), { as: as(editor), body }),
      201,
      'dismiss',
    );
    expect(dismissed.dismissals).toEqual([
      {
        findingKey: key,
        ruleId: 'vague-catch-all',
        reason: 'Our CRM vendor partners sell to anyone',
        by: { id: editor.user.id, name: 'Edna Editor' },
        at: expect.any(String),
      },
    ]);
    await waitFor(() =>
      listener.events.some((e) => e.type === 'coach.dismissals' && e.dismissals[0]?.findingKey === key),
    );
    const seen = expectStatus(
      await request<CoachDismissalListDto>(ctx.server, 'GET', path(icp.id), { as: as(commenter) }),
      200,
      'list',
    );
    expect(seen.dismissals.map((d) => d.reason)).toEqual(['Our CRM vendor partners sell to anyone']);

    // Restoring: editors only, 404 for what is not dismissed; both steps are in the audit log.
    const query = `?findingKey=${encodeURIComponent(key)}`;
    errorOf(
      await request(ctx.server, 'DELETE', path(icp.id) + query, { as: as(commenter) }),
      403,
      'forbidden',
    );
    const restored = expectStatus(
      await request<CoachDismissalListDto>(ctx.server, 'DELETE', path(icp.id) + query, { as: as(editor) }),
      200,
      'restore',
    );
    expect(restored.dismissals).toEqual([]);
    errorOf(await request(ctx.server, 'DELETE', path(icp.id) + query, { as: as(editor) }), 404, 'not_found');
    const audit = expectStatus(
      await request<AuditLogDto>(
        ctx.server,
        'GET',
        `/api/workspaces/${ctx.server.admin!.workspaceId}/audit?icpId=${icp.id}`,
      ),
      200,
      'audit',
    );
    const kinds = audit.entries.map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['coach.dismissed', 'coach.restored']));
    expect(audit.entries.find((e) => e.kind === 'coach.dismissed')?.data).toMatchObject({
      reason: 'Our CRM vendor partners sell to anyone',
      findingKey: key,
    });
  });

  it('counts who contributed to which section, by function: edits as they commit, comments and sign-off reasons', async () => {
    const { icp } = await vagueIcp('Contributions');
    await startThread(ctx.server, icp.id, 'Is this right?', { as: as(commenter), anchor: textAnchor() });
    await startThread(ctx.server, icp.id, 'A general remark', { as: as(commenter) });
    // Cora (marketing) asks for changes at sign-off, with a reason: marketing spoke up.
    const version = await createVersion(ctx.server, icp.id, 'For review');
    expectStatus(await requestSignOff(ctx.server, version.id, as(editor)), 200, 'requesting sign-off');
    expectStatus(
      await signOff(
        ctx.server,
        version.id,
        { function: 'marketing', decision: 'request_changes', reason: 'Say which pain we remove' },
        as(commenter),
      ),
      200,
      'signing off with a reason',
    );
    type Row = { section: string; function: string; edits: number; comments: number };
    let signOffReasons: { function: string; count: number }[] = [];
    const rows = await waitFor(async () => {
      const answer = await request<{ contributions: Row[]; signOffReasons: typeof signOffReasons }>(
        ctx.server,
        'GET',
        `/api/icps/${icp.id}/contributions`,
        {
          as: as(viewer),
        },
      );
      const list = answer.body.contributions;
      if (!list.some((r) => r.section === 'employees' && r.edits > 0))
        throw new Error('edits not counted yet');
      signOffReasons = answer.body.signOffReasons;
      return list;
    });
    expect(signOffReasons).toEqual([{ function: 'marketing', count: 1 }]);
    const of = (section: string, fn: string) => rows.find((r) => r.section === section && r.function === fn);
    // Edna (sales) typed the industry and the range; Cora (marketing) commented on Goals.
    expect(of('industries', 'sales')?.edits).toBeGreaterThan(0);
    expect(of('employees', 'sales')?.edits).toBeGreaterThan(0);
    expect(of('goals', 'marketing')).toMatchObject({ edits: 0, comments: 1 });
    expect(rows.every((r) => r.function === 'sales' || r.function === 'marketing')).toBe(true);
    errorOf(
      await request(ctx.server, 'GET', `/api/icps/${icp.id}/contributions`, { as: as(outsider) }),
      404,
      'not_found',
    );
  });

  it('a version records what the coach said then, and what had been dismissed and why', async () => {
    const { icp, writer, observer } = await vagueIcp('Recorded checklist');
    const first = await getVersion(ctx.server, (await createVersion(ctx.server, icp.id, 'Vague draft')).id);
    const rules = first.checklist!.findings.map((f) => f.ruleId);
    expect(rules).toEqual(expect.arrayContaining(['vague-catch-all', 'vague-range-too-wide']));
    // This workspace has no dataset: the data rules stay quiet.
    expect(rules).not.toContain('vague-matches-most-accounts');
    expect(first.checklist!.dismissals).toEqual([]);

    const wide = first.checklist!.findings.find((f) => f.ruleId === 'vague-range-too-wide')!;
    expectStatus(
      await request(ctx.server, 'POST', path(icp.id), {
        as: as(editor),
        body: {
          findingKey: findingKey(wide),
          ruleId: wide.ruleId,
          reason: 'We sell to every size on purpose',
        },
      }),
      201,
      'dismiss',
    );
    // The team fixes the catch-all industry; the wide range stays, dismissed.
    const item = writer.doc.getArray('industries').toArray()[0] as { get(k: string): string };
    expect(item.get('text')).toBe('Any company with a CRM');
    writer.doc.transact(() => {
      writer.doc.getArray('industries').delete(0, 1);
      addListItem(writer.doc, 'industries', 'Fintech');
    });
    await settled(writer, observer);
    const second = await getVersion(ctx.server, (await createVersion(ctx.server, icp.id, 'Sharper')).id);
    const open = second.checklist!.findings.map((f) => f.ruleId);
    expect(open).not.toContain('vague-catch-all');
    expect(open).not.toContain('vague-range-too-wide');
    expect(second.checklist!.dismissals).toEqual([
      expect.objectContaining({
        ruleId: 'vague-range-too-wide',
        reason: 'We sell to every size on purpose',
        // As the coach worded it then, so a reviewer reads what was accepted.
        finding: expect.objectContaining({ message: wide.message }),
      }),
    ]);
    // The first version still says what it said.
    expect((await getVersion(ctx.server, first.id)).checklist).toEqual(first.checklist);
  });

  /** A workspace of its own (its datasets stay out of the other tests), with the admin in it. */
  async function workspaceNamed(name: string): Promise<WorkspaceDto> {
    return expectStatus(
      await request<WorkspaceDto>(ctx.server, 'POST', '/api/workspaces', { body: { name } }),
      201,
      `workspace ${name}`,
    );
  }

  /** An ICP of `workspaceId` written by `edit` (as the admin), recorded as a named version. */
  async function recordedIcp(
    workspaceId: string,
    title: string,
    edit: (doc: Y.Doc) => void,
  ): Promise<{ icpId: string; version: VersionDetailDto }> {
    const icp = await createIcp(ctx.server, title, workspaceId);
    const writer = await pool.connect(ctx.server, icp.id, { params: { acks: '1' } });
    const observer = await pool.connect(ctx.server, icp.id);
    writer.doc.transact(() => edit(writer.doc));
    await settled(writer, observer);
    const version = await getVersion(ctx.server, (await createVersion(ctx.server, icp.id, 'First')).id);
    return { icpId: icp.id, version };
  }

  const ruleIds = (version: VersionDetailDto) => version.checklist!.findings.map((f) => f.ruleId);

  it("a version's checklist says when the profile matches most of the dataset's accounts", async () => {
    const workspace = await workspaceNamed('Customer data');
    const csv = [...sampleCsvLines(sampleAccounts(400, 5), 'hubspot')].join('\r\n') + '\r\n';
    await importCsv(ctx.server, workspace.id, 'HubSpot sample', csv);

    // Only a size band, and one that holds every company: it matches (nearly) every account.
    const wide = await recordedIcp(workspace.id, 'Everyone', (doc) =>
      writeRange(doc, 'employees', { min: 1, max: 10_000_000 }),
    );
    expect(ruleIds(wide.version)).toContain('vague-matches-most-accounts');
    expect(
      wide.version.checklist!.findings.find((f) => f.ruleId === 'vague-matches-most-accounts')!.message,
    ).toMatch(/^The profile matches (4[1-9]|[5-9]\d|100)% of all accounts in the dataset/);

    // One industry and a 200–1,000 band: a slice of the market.
    const narrow = await recordedIcp(workspace.id, 'Focused', (doc) => {
      addListItem(doc, 'industries', 'Fintech');
      writeRange(doc, 'employees', { min: 200, max: 1_000 });
    });
    expect(narrow.version.checklist).not.toBeNull();
    expect(ruleIds(narrow.version)).not.toContain('vague-matches-most-accounts');
  });

  it("a version's checklist says when the approved version's evidence drifted on the latest import", async () => {
    const workspace = await workspaceNamed('Drifting data');
    const signers = Object.fromEntries(
      await Promise.all(
        FUNCTIONS.map(
          async (fn) =>
            [
              fn,
              await addMember(ctx.server, 'commenter', { function: fn, workspaceId: workspace.id }),
            ] as const,
        ),
      ),
    );
    const approver = await addMember(ctx.server, 'commenter', { approver: true, workspaceId: workspace.id });

    // 100 accounts, the first 40 customers; `fintech` of the customers and `others` of the rest are Fintech.
    const accounts = (fintech: number, others: number) =>
      csvOf([
        ['Record ID', 'Company name', 'Industry', 'Lifecycle Stage'],
        ...Array.from({ length: 100 }, (_, i) => {
          const customer = i < 40;
          const isFintech = customer ? i < fintech : i - 40 < others;
          return [`r${i}`, `Company ${i}`, isFintech ? 'Fintech' : 'Retail', customer ? 'customer' : 'lead'];
        }),
      ]);
    // Fintech: 75% of the customers against 40% of all accounts, lift 1.88.
    const dataset = await importCsv(ctx.server, workspace.id, 'CRM', accounts(30, 10));
    const definition: BestCustomerDefinition = {
      datasetId: dataset.id,
      comparison: 'all',
      conditions: [{ op: 'in', field: 'status', values: ['customer'] }],
    };
    const insights = expectStatus(
      await request<InsightsDto>(ctx.server, 'POST', `/api/datasets/${dataset.id}/insights`, {
        body: { comparison: 'all', conditions: definition.conditions },
      }),
      200,
      'insights',
    );
    const trait = insights.traits.find((t) => t.dimension === 'industry' && t.value === 'Fintech')!;
    expect(trait.lift).toBeCloseTo(1.875);
    // The criterion as the Data tab adds it from the insights.
    const evidence: Evidence = {
      datasetId: dataset.id,
      datasetName: dataset.name,
      revision: insights.revision,
      dimension: 'industry',
      value: 'Fintech',
      band: null,
      bestCustomers: describeBestCustomers(definition.conditions, definition.comparison),
      comparison: 'all',
      bestN: trait.bestKnown,
      n: trait.n,
      shareBest: trait.shareBest,
      shareComparison: trait.shareComparison,
      lift: trait.lift,
      low: trait.low,
      high: trait.high,
      winRate: trait.winRate,
      computedAt: insights.computedAt,
    };
    const { icpId, version } = await recordedIcp(workspace.id, 'Fintech first', (doc) => {
      writeBestCustomers(doc, definition);
      addListItem(doc, 'industries', 'Fintech', evidence);
    });
    // Nothing approved yet, nothing re-imported: no drift.
    expect(ruleIds(version)).not.toContain('static-drift-since-approval');

    expectStatus(await requestSignOff(ctx.server, version.id), 200, 'requesting sign-off');
    for (const fn of FUNCTIONS) {
      const body = { function: fn, decision: 'approve' } as const;
      expectStatus(await signOff(ctx.server, version.id, body, { token: signers[fn]!.token }), 200, fn);
    }
    expectStatus(
      await approveVersion(ctx.server, version.id, { token: approver.token }, 'Go'),
      200,
      'approving',
    );

    // The re-import turns it around: Fintech is now 25% of the customers, lift 0.63.
    await reimportCsv(ctx.server, dataset.id, accounts(10, 30));
    const after = await getVersion(
      ctx.server,
      (await createVersion(ctx.server, icpId, 'After the re-import')).id,
    );
    const drift = after.checklist!.findings.filter((f) => f.ruleId === 'static-drift-since-approval');
    expect(drift.map((f) => f.message)).toEqual([
      'The lift of "Fintech" fell from 1.88 to 0.63 since the approved version.',
      '"Fintech" now matches 25% of your best customers, down from 75% when the version was approved.',
    ]);
  });
});
