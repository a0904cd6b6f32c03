import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  addListItem,
  evaluateCoach,
  findingKey,
  toCanonical,
  writeRange,
  type AuditLogDto,
  type CoachDismissalListDto,
  type WorkspaceDto,
} from '@bullseye/shared';
import { createIcp, errorOf, request, type Credentials } from '../support/api.js';
import { addMember, expectStatus, type Account } from '../support/actors.js';
import { BACKENDS } from '../support/backends.js';
import { ClientPool } from '../support/collabClient.js';
import { useServer } from '../support/harness.js';
import { createVersion, getVersion, settled } from '../support/versions.js';
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

  it('counts who contributed to which section, by function: edits as they commit, and comments', async () => {
    const { icp } = await vagueIcp('Contributions');
    await startThread(ctx.server, icp.id, 'Is this right?', { as: as(commenter), anchor: textAnchor() });
    await startThread(ctx.server, icp.id, 'A general remark', { as: as(commenter) });
    type Row = { section: string; function: string; edits: number; comments: number };
    const rows = await waitFor(async () => {
      const answer = await request<{ contributions: Row[] }>(
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
      return list;
    });
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
});
