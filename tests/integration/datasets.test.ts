import { randomUUID } from 'node:crypto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  addListItem,
  readBestCustomers,
  writeBestCustomers,
  type VersionDetailDto,
  sampleAccounts,
  sampleCsvLines,
  type AccountPageDto,
  type AuditLogDto,
  type CoverageDto,
  type DatasetDto,
  type DatasetListDto,
  type ImportDto,
  type InsightsDto,
  type WorkspaceDto,
} from '@bullseye/shared';
import { testEvidence } from '@bullseye/shared/testing';
import { createIcp, request } from '../support/api.js';
import { addMember, expectStatus, type Account } from '../support/actors.js';
import { BACKENDS } from '../support/backends.js';
import {
  confirmMapping,
  csvOf,
  getDataset,
  getImport,
  importCsv,
  sendChunk,
  startDataset,
  waitForImport,
} from '../support/datasets.js';
import { useServer } from '../support/harness.js';
import { ClientPool } from '../support/collabClient.js';
import { createVersion, settled } from '../support/versions.js';
import { waitFor } from '../support/waitFor.js';

const csvText = (lines: Iterable<string>) => [...lines].join('\r\n') + '\r\n';
const HEADER = [
  'Record ID',
  'Company name',
  'Website',
  'Industry',
  'Employees',
  'Annual Revenue',
  'Country',
  'Status',
  'LTV',
  'NPS',
];

describe.each(BACKENDS)('account datasets on %s', (backend) => {
  const ctx = useServer(backend);
  const pool = new ClientPool();
  afterEach(() => pool.destroyAll());
  let workspaceId: string;
  let viewer: Account;
  let outsider: Account;

  beforeAll(async () => {
    workspaceId = ctx.server.admin!.workspaceId;
    viewer = await addMember(ctx.server, 'viewer', { name: 'Vic Viewer' });
    // Someone from another workspace: every id of this workspace is unknown to them.
    const other = expectStatus(
      await request<WorkspaceDto>(ctx.server, 'POST', '/api/workspaces', { body: { name: 'Elsewhere' } }),
      201,
      'creating a second workspace',
    );
    outsider = await addMember(ctx.server, 'admin', { workspaceId: other.id, name: 'Olga Outsider' });
  });

  const accountRows = async (datasetId: string) =>
    Number(
      (
        await ctx.storage.rows<{ n: number | string }>(
          'select count(*) as n from dataset_accounts where dataset_id = $1',
          [datasetId],
        )
      )[0]!.n,
    );
  const stagedRows = async () =>
    Number((await ctx.storage.rows<{ n: number | string }>('select count(*) as n from import_rows'))[0]!.n);

  it('imports a HubSpot export sent in chunks, with the mapping the HubSpot headers suggest', async () => {
    const csv = csvText(sampleCsvLines(sampleAccounts(1500, 7), 'hubspot'));
    const bytes = new TextEncoder().encode(csv);
    const { dataset, upload } = await startDataset(ctx.server, workspaceId, 'HubSpot companies', bytes, {
      chunkBytes: 64 * 1024,
    });
    expect(upload.state).toBe('mapping');
    expect(upload.receivedBytes).toBe(bytes.length);
    expect(upload.delimiter).toBe(',');
    expect(upload.encoding).toBe('utf-8');
    expect(upload.mapping!.columns).toMatchObject({
      externalId: 'Record ID',
      name: 'Company name',
      domain: 'Company Domain Name',
      industry: 'Industry',
      employees: 'Number of Employees',
      revenue: 'Annual Revenue',
    });
    expect(upload.preview.length).toBeGreaterThan(0);
    // Not readable before it is committed.
    expect(
      (
        await request(ctx.server, 'POST', `/api/datasets/${dataset.id}/insights`, {
          body: { conditions: [] },
        })
      ).status,
    ).toBe(409);
    const done = await confirmMapping(ctx.server, upload);
    expect(done.report).toMatchObject({
      rowsRead: 1500,
      goodRows: 1500,
      badRows: 0,
      added: 1500,
      updated: 0,
    });
    const ready = await getDataset(ctx.server, dataset.id);
    expect(ready).toMatchObject({ state: 'ready', accountCount: 1500, revision: 1, sample: false });
    expect(ready.fields).toEqual(
      expect.arrayContaining(['industry', 'employees', 'revenue', 'status', 'ltv']),
    );
    expect(ready.statusCounts.customer).toBeGreaterThan(0);
    expect(await accountRows(dataset.id)).toBe(1500);
    // The upload's file is gone once imported.
    const audit = expectStatus(
      await request<AuditLogDto>(ctx.server, 'GET', `/api/workspaces/${workspaceId}/audit`),
      200,
      'reading the audit log',
    );
    expect(
      audit.entries.find((e) => e.kind === 'dataset.imported' && e.data.datasetId === dataset.id)?.data,
    ).toMatchObject({
      added: 1500,
      accountCount: 1500,
    });
  });

  it('reads a Salesforce report, and a re-import updates accounts by record id instead of duplicating them', async () => {
    const first = csvOf([
      HEADER,
      [
        '001A',
        'Acme Corp',
        'https://www.acme.com',
        'Fintech',
        '1,200',
        '$5M',
        'United States',
        'Customer - Direct',
        '120000',
        '60',
      ],
      ['001B', 'Globex', 'globex.com', 'Manufacturing', '5 000', '1.2M', 'Germany', 'Prospect', '', ''],
      ['001C', 'Initech', 'initech.io', 'B2B SaaS', '250', '€30M', 'France', 'Closed Lost', '', ''],
    ]);
    const dataset = await importCsv(ctx.server, workspaceId, 'Salesforce accounts', first);
    expect(dataset.accountCount).toBe(3);
    const page = expectStatus(
      await request<AccountPageDto>(ctx.server, 'GET', `/api/datasets/${dataset.id}/accounts?limit=10`),
      200,
      'listing accounts',
    );
    const acme = page.accounts.find((a) => a.externalId === '001A')!;
    expect(acme).toMatchObject({
      domain: 'acme.com',
      employees: 1200,
      revenue: 5_000_000,
      status: 'customer',
      ltv: 120000,
      nps: 60,
    });
    const globex = page.accounts.find((a) => a.externalId === '001B')!;
    // Empty cells are unknown, never zero.
    expect(globex).toMatchObject({
      employees: 5000,
      revenue: 1_200_000,
      ltv: null,
      nps: null,
      status: 'prospect',
    });

    const second = csvOf([
      HEADER,
      [
        '001A',
        'Acme Corporation',
        'acme.com',
        'Fintech',
        '1,500',
        '$6M',
        'United States',
        'Customer - Direct',
        '150000',
        '70',
      ],
      [
        '001D',
        'Umbrella',
        'umbrella.com',
        'Healthcare',
        '800',
        '$90M',
        'United Kingdom',
        'Customer - Channel',
        '90000',
        '40',
      ],
    ]);
    const bytes = new TextEncoder().encode(second);
    const reimport = expectStatus(
      await request<ImportDto>(ctx.server, 'POST', `/api/datasets/${dataset.id}/imports`, {
        body: { fileName: 'accounts-2.csv', fileBytes: bytes.length },
      }),
      201,
      're-importing',
    );
    // Only one import at a time per dataset.
    expect(
      (
        await request(ctx.server, 'POST', `/api/datasets/${dataset.id}/imports`, {
          body: { fileName: 'x.csv', fileBytes: 10 },
        })
      ).status,
    ).toBe(409);
    const uploaded = expectStatus(
      await sendChunk(ctx.server, reimport.id, 0, bytes),
      200,
      'sending the file',
    );
    const done = await confirmMapping(ctx.server, uploaded);
    expect(done.report).toMatchObject({ added: 1, updated: 1 });
    const after = await getDataset(ctx.server, dataset.id);
    expect(after).toMatchObject({ accountCount: 4, revision: 2 });
    expect(await stagedRows()).toBe(0);
    const search = expectStatus(
      await request<AccountPageDto>(ctx.server, 'GET', `/api/datasets/${dataset.id}/accounts?q=acme`),
      200,
      'searching accounts',
    );
    expect(search.accounts).toHaveLength(1);
    expect(search.total).toBe(1);
    expect(search.accounts[0]).toMatchObject({ name: 'Acme Corporation', employees: 1500, ltv: 150000 });
  });

  it('lists ragged rows, broken quoting and bad numbers with their lines; "import nothing" leaves no dataset', async () => {
    const csv =
      'Company name,Domain,Employees,Annual Revenue\r\n' +
      'Good One,good1.com,10,1M\r\n' +
      'Ragged,ragged.com,10\r\n' +
      'Bad Number,badnum.com,lots,2M\r\n' +
      'Good Two,good2.com,20,"3,000,000"\r\n' +
      'Broken "quote,broken.com,5,1M\r\n' +
      'Good Three,good3.com,30,4M\r\n';
    const { dataset, upload } = await startDataset(
      ctx.server,
      workspaceId,
      'Broken export',
      new TextEncoder().encode(csv),
    );
    const review = await confirmMapping(ctx.server, upload, upload.mapping!, ['review']);
    expect(review.report).toMatchObject({ rowsRead: 6, goodRows: 3, badRows: 3 });
    const lines = review.report!.errors.map((e) => [e.line, e.column]);
    expect(lines).toEqual(
      expect.arrayContaining([
        [3, null],
        [4, 'Employees'],
        [6, null],
      ]),
    );
    expect(review.report!.errorsByColumn).toMatchObject({ '(row)': 2, Employees: 1 });
    const nothing = expectStatus(
      await request<ImportDto>(ctx.server, 'POST', `/api/imports/${upload.id}/decision`, {
        body: { decision: 'importNothing' },
      }),
      200,
      'importing nothing',
    );
    expect(nothing.state).toBe('cancelled');
    expect((await request(ctx.server, 'GET', `/api/datasets/${dataset.id}`)).status).toBe(404);
    expect(await accountRows(dataset.id)).toBe(0);

    const again = await startDataset(
      ctx.server,
      workspaceId,
      'Broken export, good rows',
      new TextEncoder().encode(csv),
    );
    await confirmMapping(ctx.server, again.upload, again.upload.mapping!, ['review']);
    const good = expectStatus(
      await request<ImportDto>(ctx.server, 'POST', `/api/imports/${again.upload.id}/decision`, {
        body: { decision: 'importGoodRows' },
      }),
      200,
      'importing the good rows',
    );
    expect(good.state).toBe('done');
    expect((await getDataset(ctx.server, again.dataset.id)).accountCount).toBe(3);
  });

  it('cancelling a running import keeps nothing of it', async () => {
    const csv = csvText(sampleCsvLines(sampleAccounts(40_000, 3), 'salesforce'));
    const { dataset, upload } = await startDataset(
      ctx.server,
      workspaceId,
      'Big export',
      new TextEncoder().encode(csv),
    );
    expectStatus(
      await request<ImportDto>(ctx.server, 'PUT', `/api/imports/${upload.id}/mapping`, {
        body: { mapping: upload.mapping },
      }),
      200,
      'starting the import',
    );
    const cancelled = expectStatus(
      await request<ImportDto>(ctx.server, 'POST', `/api/imports/${upload.id}/cancel`),
      200,
      'cancelling',
    );
    expect(cancelled.state).toBe('cancelled');
    expect((await request(ctx.server, 'GET', `/api/datasets/${dataset.id}`)).status).toBe(404);
    expect(await accountRows(dataset.id)).toBe(0);
    const list = expectStatus(
      await request<DatasetListDto>(ctx.server, 'GET', `/api/workspaces/${workspaceId}/datasets`),
      200,
      'listing datasets',
    );
    expect(list.datasets.map((d) => d.id)).not.toContain(dataset.id);
  });

  it('reads Latin-1 files with a notice, and refuses UTF-16 and header-only files with the reason', async () => {
    const latin1 = Buffer.from('Company name,Country\r\nCafé Müller,Österreich\r\n', 'latin1');
    const { upload } = await startDataset(ctx.server, workspaceId, 'Latin-1 export', latin1);
    expect(upload.encoding).toBe('latin1');
    expect(upload.encodingNotice).toMatch(/Latin-1/);
    const done = await confirmMapping(ctx.server, upload);
    const page = expectStatus(
      await request<AccountPageDto>(ctx.server, 'GET', `/api/datasets/${done.datasetId}/accounts`),
      200,
      'listing',
    );
    expect(page.accounts[0]).toMatchObject({ name: 'Café Müller', country: 'Österreich' });

    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Name\r\nA\r\n', 'utf16le')]);
    const refused = await startDataset(ctx.server, workspaceId, 'UTF-16 export', utf16);
    expect(refused.upload.state).toBe('failed');
    expect(refused.upload.error).toMatch(/UTF-16/);

    const headerOnly = await startDataset(
      ctx.server,
      workspaceId,
      'Empty export',
      new TextEncoder().encode('Company name,Domain\r\n'),
    );
    const failed = await confirmMapping(ctx.server, headerOnly.upload, headerOnly.upload.mapping!, [
      'failed',
    ]);
    expect(failed.error).toMatch(/no rows/);
    const dataset = await getDataset(ctx.server, headerOnly.dataset.id);
    expect(dataset).toMatchObject({ state: 'failed', accountCount: 0 });
    expect(await accountRows(dataset.id)).toBe(0);
  });

  it('guards the upload: offsets must follow on, chunks stay within the file, ids of other workspaces are unknown', async () => {
    const bytes = new TextEncoder().encode(csvOf([['Company name'], ['A'], ['B']]));
    const dataset = expectStatus(
      await request<DatasetDto>(ctx.server, 'POST', `/api/workspaces/${workspaceId}/datasets`, {
        body: { name: 'Guarded', fileName: 'g.csv', fileBytes: bytes.length },
      }),
      201,
      'creating',
    );
    const importId = dataset.latestImport!.id;
    expect((await sendChunk(ctx.server, importId, 5, bytes)).status).toBe(409);
    expect((await sendChunk(ctx.server, importId, 0, new Uint8Array(bytes.length + 1))).status).toBe(413);
    expect((await getImport(ctx.server, importId)).receivedBytes).toBe(0);
    expect((await sendChunk(ctx.server, importId, 0, bytes, { token: viewer.token })).status).toBe(403);
    expect((await sendChunk(ctx.server, importId, 0, bytes, { token: outsider.token })).status).toBe(404);
    for (const path of [
      `/api/datasets/${dataset.id}`,
      `/api/imports/${importId}`,
      `/api/datasets/${dataset.id}/accounts`,
    ]) {
      expect((await request(ctx.server, 'GET', path, { as: { token: outsider.token } })).status).toBe(404);
    }
    expect((await request(ctx.server, 'GET', `/api/datasets/${randomUUID()}`)).status).toBe(404);
    const bad = await request<{ error: { field: string } }>(
      ctx.server,
      'POST',
      `/api/workspaces/${workspaceId}/datasets`,
      {
        body: { name: 'Too big', fileName: 'big.csv', fileBytes: 201 * 1024 * 1024 },
      },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('fileBytes');
    expect(
      (
        await request(ctx.server, 'POST', `/api/workspaces/${workspaceId}/datasets`, {
          body: { name: 'Viewer', fileName: 'v.csv', fileBytes: 3 },
          as: { token: viewer.token },
        })
      ).status,
    ).toBe(403);
    const uploaded = expectStatus(await sendChunk(ctx.server, importId, 0, bytes), 200, 'sending');
    const wrong = await request<{ error: { field: string } }>(
      ctx.server,
      'PUT',
      `/api/imports/${importId}/mapping`,
      {
        body: { mapping: { ...uploaded.mapping!, columns: { name: 'No such column' } } },
      },
    );
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.field).toBe('mapping.columns.name');
    expect((await request(ctx.server, 'POST', `/api/imports/${importId}/cancel`)).status).toBe(200);
  });

  it('loads the sample, and its insights find the planted best-customer traits; coverage reads the criteria', async () => {
    const created = expectStatus(
      await request<DatasetDto>(ctx.server, 'POST', `/api/workspaces/${workspaceId}/datasets/sample`),
      201,
      'loading the sample',
    );
    expect(created.sample).toBe(true);
    await waitForImport(ctx.server, created.latestImport!.id, ['done']);
    const sample = await getDataset(ctx.server, created.id);
    expect(sample).toMatchObject({ state: 'ready', accountCount: 5000, sample: true });
    const conditions = [
      { op: 'in', field: 'status', values: ['customer'] },
      { op: 'top', field: 'ltv', percent: 25 },
    ];
    const insights = expectStatus(
      await request<InsightsDto>(ctx.server, 'POST', `/api/datasets/${sample.id}/insights`, {
        body: { conditions, comparison: 'all' },
        as: { token: viewer.token },
      }),
      200,
      'reading insights as a viewer',
    );
    expect(insights.total).toBe(5000);
    expect(insights.bestCount).toBeGreaterThan(100);
    const trait = (value: string) =>
      insights.traits.find((t) => t.dimension === 'industry' && t.value === value)!;
    expect(trait('Fintech').lift).toBeGreaterThan(1);
    expect(trait('Fintech').low).toBeGreaterThan(1);
    expect(trait('Education').label).toBe('anti');
    expect(trait('Education').high).toBeLessThan(1);

    const criteria = {
      industries: [{ text: 'Fintech' }, { text: 'B2B SaaS' }],
      geographies: [],
      technologies: [],
      employees: { min: null, max: null },
      revenue: { min: null, max: null },
      disqualifiers: [{ text: 'No budget' }],
    };
    const coverage = expectStatus(
      await request<CoverageDto>(ctx.server, 'POST', `/api/datasets/${sample.id}/coverage`, {
        body: { conditions, comparison: 'all', criteria },
      }),
      200,
      'reading coverage',
    );
    expect(coverage.bestCount).toBe(insights.bestCount);
    expect(coverage.coverage).toBeGreaterThan(coverage.breadth);
    expect(coverage.unchecked).toContain('No budget');
    const bad = await request<{ error: { field: string } }>(
      ctx.server,
      'POST',
      `/api/datasets/${sample.id}/insights`,
      {
        body: { conditions: [{ op: 'top', field: 'ltv', percent: 150 }] },
      },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('conditions.0.percent');
  });

  it('exports accounts as spreadsheet-safe CSV, and deleting a dataset deletes its accounts', async () => {
    const dataset = await importCsv(
      ctx.server,
      workspaceId,
      'Formula export',
      csvOf([
        ['Company name', 'Domain', 'Notes'],
        ['=HYPERLINK("http://evil.example","click")', 'evil.example', '+SUM(A1:A2)'],
        ['Fine Co', 'fine.example', '@cmd'],
      ]),
    );
    const response = await fetch(`${ctx.server.url}/api/datasets/${dataset.id}/accounts?format=csv`, {
      headers: { authorization: `Bearer ${ctx.server.admin!.token}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(/attachment/);
    const text = await response.text();
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(text).toContain("'+SUM(A1:A2)");
    expect(text).toContain("'@cmd");
    expect(text).not.toMatch(/(^|,)=HYPERLINK/m);

    expect(
      (await request(ctx.server, 'DELETE', `/api/datasets/${dataset.id}`, { as: { token: viewer.token } }))
        .status,
    ).toBe(403);
    expect((await request(ctx.server, 'DELETE', `/api/datasets/${dataset.id}`)).status).toBe(204);
    expect((await request(ctx.server, 'GET', `/api/datasets/${dataset.id}`)).status).toBe(404);
    expect(await accountRows(dataset.id)).toBe(0);
    const audit = expectStatus(
      await request<AuditLogDto>(ctx.server, 'GET', `/api/workspaces/${workspaceId}/audit`),
      200,
      'reading the audit log',
    );
    expect(audit.entries.some((e) => e.kind === 'dataset.deleted' && e.data.datasetId === dataset.id)).toBe(
      true,
    );
  });

  it('an import interrupted by a crash runs again after the restart, without duplicates', async () => {
    const csv = csvText(sampleCsvLines(sampleAccounts(30_000, 11), 'hubspot'));
    const { dataset, upload } = await startDataset(
      ctx.server,
      workspaceId,
      'Crash export',
      new TextEncoder().encode(csv),
    );
    expectStatus(
      await request<ImportDto>(ctx.server, 'PUT', `/api/imports/${upload.id}/mapping`, {
        body: { mapping: upload.mapping },
      }),
      200,
      'starting',
    );
    await waitFor(
      async () =>
        (await getImport(ctx.server, upload.id)).progress.rowsRead > 0 || (await accountRows(dataset.id)) > 0,
    );
    await ctx.server.kill();
    await ctx.server.restart();
    const done = await waitForImport(ctx.server, upload.id, ['done']);
    expect(done.report).toMatchObject({ rowsRead: 30_000, goodRows: 30_000 });
    expect(await accountRows(dataset.id)).toBe(30_000 - done.report!.duplicates);
  });

  it('a version records the best-customer definition and the evidence of each criterion; export and restore keep them', async () => {
    const icp = await createIcp(ctx.server, 'Evidence-backed ICP');
    const author = await pool.connect(ctx.server, icp.id);
    const observer = await pool.connect(ctx.server, icp.id);
    const datasetId = randomUUID();
    const evidence = testEvidence('industry', 'Fintech', null, {
      datasetId,
      bestCustomers: 'status is customer (compared with all accounts)',
    });
    const definition = {
      datasetId,
      comparison: 'all' as const,
      conditions: [{ op: 'in' as const, field: 'status' as const, values: ['customer'] }],
    };
    author.doc.transact(() => {
      addListItem(author.doc, 'industries', 'Fintech', evidence);
      writeBestCustomers(author.doc, definition);
    });
    await settled(author, observer);
    const version = await createVersion(ctx.server, icp.id, 'Grounded in data');
    const detail = expectStatus(
      await request<VersionDetailDto>(ctx.server, 'GET', `/api/versions/${version.id}`),
      200,
      'reading the version',
    );
    expect(detail.content.bestCustomers).toEqual(definition);
    expect(detail.content.sections.industries).toEqual([
      { id: expect.any(String), text: 'Fintech', evidence },
    ]);
    const markdown = await request<string>(
      ctx.server,
      'GET',
      `/api/versions/${version.id}/export?format=markdown`,
    );
    expect(markdown.body).toContain('Fintech _(evidence: lift 2.1×');
    expect(markdown.body).toContain('Derived from: status is customer');

    // The draft moves on without the definition; restoring the version brings it back.
    author.doc.transact(() => writeBestCustomers(author.doc, null));
    await settled(author, observer);
    expect((await request(ctx.server, 'POST', `/api/versions/${version.id}/restore`)).status).toBe(200);
    await waitFor(() => readBestCustomers(observer.doc)?.datasetId === datasetId);
  });
});
