import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  FUNCTIONS,
  addListItem,
  sampleAccounts,
  sampleCsvLines,
  writeDisqualifierRule,
  writeAcceptableBand,
  writeImportance,
  writeRange,
  writeThresholds,
  type CreatedApiTokenDto,
  type DatasetScoringDto,
  type DatasetScoringListDto,
  type ScoreImpactDto,
  type ScoreResponse,
  type ScoringModelResponse,
  type VersionDto,
  type WorkspaceDto,
} from '@bullseye/shared';
import { createIcp, errorOf, request, type Credentials } from '../support/api.js';
import {
  addMember,
  addReviewTeam,
  browser,
  expectStatus,
  type Account,
  type ReviewTeam,
} from '../support/actors.js';
import { BACKENDS } from '../support/backends.js';
import { ClientPool, type CollabClient } from '../support/collabClient.js';
import { csvOf, importCsv, reimportCsv } from '../support/datasets.js';
import { useServer } from '../support/harness.js';
import { expectUpgradeRefused, collabUrl } from '../support/rawSocket.js';
import { approveVersion, createVersion, requestSignOff, settled, signOff } from '../support/versions.js';

const as = (who: Account): Credentials => ({ token: who.token });

/** A fintech in North America with 300 people: an A for the ICP the tests write. */
const FINTECH = { id: 'crm-1', industry: 'FinTech ', employees: 300, country: 'USA' };

describe.each(BACKENDS)('fit scoring on %s', (backend) => {
  const ctx = useServer(backend);
  const pool = new ClientPool();
  afterEach(() => pool.destroyAll());
  let workspaceId: string;
  let editor: Account;
  let viewer: Account;
  let outsider: Account;
  let team: ReviewTeam;
  let scoringToken: string;

  beforeAll(async () => {
    workspaceId = ctx.server.admin!.workspaceId;
    editor = await addMember(ctx.server, 'editor', { name: 'Eda Editor' });
    viewer = await addMember(ctx.server, 'viewer', { name: 'Vic Viewer' });
    team = await addReviewTeam(ctx.server);
    const other = expectStatus(
      await request<WorkspaceDto>(ctx.server, 'POST', '/api/workspaces', { body: { name: 'Elsewhere' } }),
      201,
      'creating a second workspace',
    );
    outsider = await addMember(ctx.server, 'admin', { workspaceId: other.id, name: 'Olga Outsider' });
    // The CRM integration: a token that may only score, created by the viewer.
    const created = expectStatus(
      await request<CreatedApiTokenDto>(ctx.server, 'POST', '/api/tokens', {
        body: { name: 'CRM workflow', scope: 'scoring' },
        as: browser(ctx.server, viewer.cookie),
      }),
      201,
      'creating a scoring token',
    );
    expect(created.token.scope).toBe('scoring');
    scoringToken = created.secret;
  });

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

  /** An ICP written live by the editor: Fintech (must have), 200–1,000 employees (acceptable 50–5,000), North America, no public sector. */
  async function scoredIcp(
    title: string,
  ): Promise<{ icpId: string; author: CollabClient; observer: CollabClient }> {
    const icp = await createIcp(ctx.server, title);
    const author = await pool.connect(ctx.server, icp.id, { token: editor.token });
    const observer = await pool.connect(ctx.server, icp.id, { token: viewer.token });
    addListItem(author.doc, 'industries', 'Fintech');
    addListItem(author.doc, 'geographies', 'North America');
    writeRange(author.doc, 'employees', { min: 200, max: 1000 });
    writeAcceptableBand(author.doc, 'employees', { min: 50, max: 5000 });
    writeImportance(author.doc, 'industries', 'must');
    const government = addListItem(author.doc, 'disqualifiers', 'Government agencies');
    writeDisqualifierRule(author.doc, government.id, {
      field: 'industry',
      op: 'is',
      values: ['Public sector'],
    });
    addListItem(author.doc, 'disqualifiers', 'No dedicated sales team');
    await settled(author, observer);
    return { icpId: icp.id, author, observer };
  }

  const score = (icpId: string, body: unknown, options: { query?: string; as?: Credentials | null } = {}) =>
    request<ScoreResponse>(ctx.server, 'POST', `/api/icps/${icpId}/score${options.query ?? ''}`, {
      body,
      as: options.as,
    });

  it('scores with the approved version until the next approval, whatever happens to the draft', async () => {
    const { icpId, author, observer } = await scoredIcp('Approved model');
    errorOf(await score(icpId, { account: FINTECH }), 409, 'no_approved_version');
    const v1 = await createVersion(ctx.server, icpId, 'Q1', { as: as(editor) });
    await approve(v1);

    const first = expectStatus(
      await score(icpId, { account: FINTECH }, { as: { token: scoringToken } }),
      200,
      'scoring',
    );
    // Industry (must, 3) + employees (strong, 2) + geography (strong, 2): all matched.
    expect(first.result).toMatchObject({
      id: 'crm-1',
      score: 100,
      grade: 'A',
      confidence: 1,
      disqualifiedBy: null,
    });
    // What every result is tested against comes once: the criteria with their rules, the manual checks.
    expect(first.manualChecks).toEqual(['No dedicated sales team']);
    expect(first.criteria.map((c) => [c.key, c.importance, c.weight, c.rule])).toEqual([
      ['industries', 'must', 3, 'Industry is Fintech'],
      ['employees', 'strong', 2, 'Employees 200–1,000 (acceptable 50–5,000)'],
      ['geographies', 'strong', 2, 'Geography is North America'],
    ]);
    expect(first.source).toMatchObject({
      source: 'approved',
      version: { id: v1.id, number: v1.number, hash: v1.hash },
    });
    const industry = first.result!.criteria.find((c) => c.key === 'industries')!;
    expect(industry).toEqual({
      key: 'industries',
      outcome: 'match',
      value: 'FinTech',
      matched: 'Fintech',
      points: 42.9,
      maxPoints: 42.9,
    });
    const model = expectStatus(
      await request<ScoringModelResponse>(ctx.server, 'GET', `/api/icps/${icpId}/scoring-model`, {
        as: { token: scoringToken },
      }),
      200,
      'reading the model',
    );
    expect(model.source.modelHash).toBe(first.source.modelHash);
    expect(model.model.hash).toBe(first.source.modelHash);

    // 60 employees is only acceptable (half of 2): (3 + 1 + 2) / 7 = 86. Public sector: D, with the reason.
    const more = expectStatus(
      await score(icpId, {
        accounts: [
          { ...FINTECH, id: 'small', employees: 60 },
          { id: 'gov', industry: 'public sector', employees: 400, country: 'Canada' },
          { id: 'nothing' },
        ],
      }),
      200,
      'scoring three',
    );
    expect(more.results!.map((r) => [r.id, r.score, r.grade])).toEqual([
      ['small', 86, 'A'],
      ['gov', 0, 'D'],
      ['nothing', null, null],
    ]);
    expect(more.results![1]!.disqualifiedBy).toMatchObject({
      rule: 'Industry is Public sector',
      value: 'public sector',
    });

    // The team edits the draft: stricter grades, Fintech now only nice to have, a new industry.
    writeThresholds(author.doc, { a: 90, b: 70, c: 50 });
    writeImportance(author.doc, 'industries', 'nice');
    writeRange(author.doc, 'employees', { min: 500, max: 1000 });
    await settled(author, observer);
    const still = expectStatus(await score(icpId, { account: FINTECH }), 200, 'scoring after the edit');
    expect(still.result).toEqual(first.result);
    expect(still.source).toEqual(first.source);
    const draft = expectStatus(
      await score(icpId, { account: FINTECH }, { query: '?version=draft' }),
      200,
      'draft',
    );
    // Employees 300 is now only acceptable: (1 + 1 + 2) / 5 = 80, below the draft's A at 90.
    expect(draft.result).toMatchObject({ score: 80, grade: 'B' });
    expect(draft.source).toMatchObject({ source: 'draft', version: null });
    expect(draft.source.modelHash).not.toBe(first.source.modelHash);
    // A version by number answers with that version's model.
    const byNumber = expectStatus(
      await score(icpId, { account: FINTECH }, { query: `?version=${v1.number}` }),
      200,
      'v1',
    );
    expect(byNumber.result).toEqual(first.result);
    expect(byNumber.source.source).toBe('version');

    // Approving the edited draft is what changes the answer.
    const v2 = await createVersion(ctx.server, icpId, 'Q2', { as: as(editor) });
    await approve(v2);
    const after = expectStatus(await score(icpId, { account: FINTECH }), 200, 'scoring after approval');
    expect(after.result).toMatchObject({ score: 80, grade: 'B' });
    expect(after.source).toMatchObject({
      source: 'approved',
      version: { id: v2.id },
      modelHash: draft.source.modelHash,
    });
  });

  it('keeps scoring-only tokens to the scoring API, and other workspaces out', async () => {
    const { icpId } = await scoredIcp('Access');
    const scoring = { token: scoringToken };
    // The scoring token reads the model and scores (draft named explicitly: nothing is approved).
    expectStatus(
      await score(icpId, { account: FINTECH }, { query: '?version=draft', as: scoring }),
      200,
      'score',
    );
    // Everything else is refused with its own code, and changes nothing.
    errorOf(await request(ctx.server, 'GET', `/api/icps/${icpId}`, { as: scoring }), 403, 'token_scope');
    errorOf(
      await request(ctx.server, 'POST', `/api/icps/${icpId}/versions`, {
        body: { name: 'Nope' },
        as: scoring,
      }),
      403,
      'token_scope',
    );
    errorOf(await request(ctx.server, 'GET', '/api/tokens', { as: scoring }), 403, 'token_scope');
    errorOf(
      await request(ctx.server, 'POST', '/api/tokens', { body: { name: 'escalate' }, as: scoring }),
      403,
      'token_scope',
    );
    const refused = await expectUpgradeRefused(collabUrl(ctx.server, icpId), {
      authorization: `Bearer ${scoringToken}`,
    });
    expect(refused.status).toBe(403);
    // Any member may score (a viewer's full token too); outsiders and unknown ids get 404; no credentials 401.
    expectStatus(
      await score(icpId, { account: FINTECH }, { query: '?version=draft', as: as(viewer) }),
      200,
      'viewer',
    );
    errorOf(
      await score(icpId, { account: FINTECH }, { query: '?version=draft', as: as(outsider) }),
      404,
      'not_found',
    );
    errorOf(
      await request(ctx.server, 'GET', `/api/icps/${icpId}/scoring-model?version=draft`, {
        as: as(outsider),
      }),
      404,
      'not_found',
    );
    errorOf(await score('00000000-0000-4000-8000-000000000000', { account: FINTECH }), 404, 'not_found');
    errorOf(
      await score(icpId, { account: FINTECH }, { query: '?version=draft', as: null }),
      401,
      'unauthenticated',
    );
    // The (large) body is read only once the caller and the ICP are authorized: broken JSON from
    // nobody is 401 and from an outsider 404, never a parse error.
    const broken = `{"accounts": [${'{"industry": "x"},'.repeat(50_000)}`;
    errorOf(await score(icpId, broken, { as: null }), 401, 'unauthenticated');
    errorOf(await score(icpId, broken, { as: as(outsider) }), 404, 'not_found');
    errorOf(await score(icpId, broken, { as: as(viewer) }), 400, 'invalid_json');
    // A version of another ICP is unknown here.
    const other = await createIcp(ctx.server, 'Other ICP');
    const foreign = await createVersion(ctx.server, other.id, 'Foreign', { as: as(editor) });
    errorOf(await score(icpId, { account: FINTECH }, { query: `?version=${foreign.id}` }), 404, 'not_found');
    errorOf(await score(icpId, { account: FINTECH }, { query: '?version=99' }), 404, 'not_found');
  });

  it('refuses bad input with the field named, and more than 10,000 accounts with 413', async () => {
    const { icpId } = await scoredIcp('Bad input');
    const draft = { query: '?version=draft' };
    errorOf(
      await score(icpId, { account: { ...FINTECH, employes: 3 } }, draft),
      400,
      'invalid_input',
      'account.employes',
    );
    errorOf(
      await score(icpId, { account: { employees: 'many' } }, draft),
      400,
      'invalid_input',
      'account.employees',
    );
    errorOf(
      await score(icpId, { accounts: [FINTECH, { technologies: 'Salesforce' }] }, draft),
      400,
      'invalid_input',
      'accounts.1.technologies',
    );
    errorOf(
      await score(icpId, { account: FINTECH, accounts: [FINTECH] }, draft),
      400,
      'invalid_input',
      'accounts',
    );
    errorOf(await score(icpId, {}, draft), 400, 'invalid_input', 'accounts');
    errorOf(await score(icpId, '{"account": ', draft), 400, 'invalid_json');
    errorOf(
      await score(icpId, { account: FINTECH }, { query: '?version=latest' }),
      400,
      'invalid_input',
      'version',
    );
    const tooMany = Array.from({ length: 10_001 }, (_, i) => ({ id: String(i), employees: i }));
    errorOf(await score(icpId, { accounts: tooMany }, draft), 413, 'too_many_accounts', 'accounts');
    const huge = JSON.stringify({ accounts: [{ industry: 'x'.repeat(9 * 1024 * 1024) }] });
    errorOf(await score(icpId, huge, draft), 413, 'payload_too_large', 'body');

    // 10,000 is fine, answered in order.
    const many = Array.from({ length: 10_000 }, (_, i) => ({
      id: `a${i}`,
      industry: i % 2 ? 'Fintech' : 'Retail',
      employees: i,
    }));
    const answer = expectStatus(await score(icpId, { accounts: many }, draft), 200, 'scoring 10,000');
    expect(answer.results).toHaveLength(10_000);
    expect(answer.results!.map((r) => r.id)).toEqual(many.map((a) => a.id));
    expect(answer.results![301]!.grade).toBe('A');
    expect(answer.results![300]!.score).toBeLessThan(60);
  });

  it('scores a dataset per version, with its backtest, CSV and the grade moves between versions', async () => {
    const { icpId, author, observer } = await scoredIcp('Dataset scoring');
    const csv = [...sampleCsvLines(sampleAccounts(3000, 7), 'hubspot')].join('\r\n') + '\r\n';
    const dataset = await importCsv(ctx.server, workspaceId, 'HubSpot sample', csv);
    const v1 = await createVersion(ctx.server, icpId, 'Q1', { as: as(editor) });
    await approve(v1);

    const scored = expectStatus(
      await request<DatasetScoringDto>(ctx.server, 'POST', `/api/icps/${icpId}/scorings`, {
        body: { datasetId: dataset.id },
        as: as(viewer),
      }),
      201,
      'scoring the dataset',
    );
    expect(scored.total).toBe(3000);
    expect(scored.grades.reduce((n, g) => n + g.count, 0)).toBe(3000);
    expect(scored.histogram.reduce((n, c) => n + c, 0)).toBe(
      3000 - scored.grades.find((g) => g.grade === 'none')!.count,
    );
    expect(scored.source).toMatchObject({ source: 'approved', version: { id: v1.id } });
    expect(scored.hasOutcomes).toBe(true);
    for (const row of scored.grades) {
      if (row.won + row.lost === 0) expect(row.winRate).toBeNull();
      else expect(row.winRate).toBeCloseTo(row.won / (row.won + row.lost), 10);
    }
    // Every top account is of its grade and scores what the API says for it.
    const a = scored.topAccounts.filter((t) => t.grade === 'A');
    expect(a.length).toBeGreaterThan(0);
    expect(a.every((t) => t.score! >= 80)).toBe(true);

    // The CSV: one line per account plus the header, with the same grades.
    const download = await request<string>(ctx.server, 'GET', `/api/scorings/${scored.id}/export`, {
      as: as(viewer),
    });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toMatch(/attachment/);
    const lines = download.body
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(lines).toHaveLength(3001);
    expect(lines[0]).toMatch(/^Record ID,Company name,Domain,Score,Grade,Confidence/);
    const gradeCounts = new Map<string, number>();
    for (const line of lines.slice(1)) {
      const grade = /,(\d+|),([ABCD]?),/.exec(line)?.[2] ?? '?';
      gradeCounts.set(grade, (gradeCounts.get(grade) ?? 0) + 1);
    }
    expect(gradeCounts.get('A') ?? 0).toBe(scored.grades.find((g) => g.grade === 'A')!.count);

    // Score with the draft after an edit, and see which accounts move.
    writeImportance(author.doc, 'industries', 'nice');
    writeRange(author.doc, 'employees', { min: 2000, max: null });
    await settled(author, observer);
    const draft = expectStatus(
      await request<DatasetScoringDto>(ctx.server, 'POST', `/api/icps/${icpId}/scorings`, {
        body: { datasetId: dataset.id, version: 'draft' },
      }),
      201,
      'scoring with the draft',
    );
    expect(draft.source.source).toBe('draft');
    const list = expectStatus(
      await request<DatasetScoringListDto>(
        ctx.server,
        'GET',
        `/api/icps/${icpId}/scorings?datasetId=${dataset.id}`,
      ),
      200,
      'listing scorings',
    );
    expect(list.scorings.map((s) => s.id)).toEqual([draft.id, scored.id]);
    const impact = expectStatus(
      await request<ScoreImpactDto>(
        ctx.server,
        'GET',
        `/api/icps/${icpId}/score-impact?datasetId=${dataset.id}&from=approved&to=draft`,
      ),
      200,
      'score impact',
    );
    expect(impact.total).toBe(3000);
    expect(impact.moves.reduce((n, m) => n + m.count, 0)).toBe(3000);
    const moved = impact.moves.filter((m) => m.from !== m.to);
    expect(impact.changed).toBe(moved.reduce((n, m) => n + m.count, 0));
    expect(impact.changed).toBeGreaterThan(0);
    // The grades per version in the impact are the stored scorings' grades.
    for (const grade of ['A', 'B', 'C', 'D', 'none'] as const) {
      const from = impact.moves.filter((m) => m.from === grade).reduce((n, m) => n + m.count, 0);
      const to = impact.moves.filter((m) => m.to === grade).reduce((n, m) => n + m.count, 0);
      expect(from).toBe(scored.grades.find((g) => g.grade === grade)!.count);
      expect(to).toBe(draft.grades.find((g) => g.grade === grade)!.count);
    }
    for (const move of moved) expect(move.examples.length).toBe(Math.min(5, move.count));

    // Another workspace's dataset is unknown here; so is this ICP for an outsider.
    errorOf(
      await request(ctx.server, 'POST', `/api/icps/${icpId}/scorings`, {
        body: { datasetId: dataset.id },
        as: as(outsider),
      }),
      404,
      'not_found',
    );
    errorOf(
      await request(ctx.server, 'GET', `/api/scorings/${scored.id}/export`, { as: as(outsider) }),
      404,
      'not_found',
    );
    errorOf(
      await request(ctx.server, 'POST', `/api/icps/${icpId}/scorings`, {
        body: { datasetId: dataset.id, version: 'v1' },
      }),
      400,
      'invalid_input',
      'version',
    );
  });

  it('marks a scoring stale after a re-import, and never exports numbers the data no longer gives', async () => {
    const { icpId } = await scoredIcp('Stale scoring');
    const header = ['Record ID', 'Company name', 'Industry', 'Employees', 'Country', 'Status'];
    const first = csvOf([
      header,
      ['1', '=HYPERLINK("x")', 'Fintech', '300', 'US', 'Customer'],
      ['2', 'Agency', 'Public sector', '400', 'US', 'Lost'],
    ]);
    const dataset = await importCsv(ctx.server, workspaceId, 'Tiny', first);
    const scored = expectStatus(
      await request<DatasetScoringDto>(ctx.server, 'POST', `/api/icps/${icpId}/scorings`, {
        body: { datasetId: dataset.id, version: 'draft' },
      }),
      201,
      'scoring',
    );
    expect(scored.grades.map((g) => [g.grade, g.count, g.won, g.lost])).toEqual([
      ['A', 1, 1, 0],
      ['B', 0, 0, 0],
      ['C', 0, 0, 0],
      ['D', 1, 0, 1],
      ['none', 0, 0, 0],
    ]);
    const csv = await request<string>(ctx.server, 'GET', `/api/scorings/${scored.id}/export`);
    // A formula in a company name is neutralised.
    expect(csv.body).toContain(`1,"'=HYPERLINK(""x"")",,100,A,1,,`);
    expect(csv.body).toContain('Disqualified: Industry is Public sector (Public sector)');

    // Re-import changes the data: the stored scoring says so, and its CSV is refused.
    await reimportCsv(
      ctx.server,
      dataset.id,
      csvOf([header, ['1', 'Acme', 'Retail', '300', 'US', 'Customer']]),
    );
    const list = expectStatus(
      await request<DatasetScoringListDto>(ctx.server, 'GET', `/api/icps/${icpId}/scorings`),
      200,
      'listing',
    );
    expect(list.scorings[0]).toMatchObject({ id: scored.id, stale: true });
    errorOf(await request(ctx.server, 'GET', `/api/scorings/${scored.id}/export`), 409, 'stale_scoring');
  });
});
