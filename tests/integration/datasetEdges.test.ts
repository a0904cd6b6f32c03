/**
 * Edges of account imports found in review: encodings, a re-import's identity, chunks racing a
 * cancel, a crash while committing, blank first lines, NUL characters, long names, search.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type AccountPageDto, type DatasetDto, type ImportDto } from '@bullseye/shared';
import { credentialHeaders, request } from '../support/api.js';
import { waitFor } from '../support/waitFor.js';
import { expectStatus } from '../support/actors.js';
import { BACKENDS } from '../support/backends.js';
import {
  csvOf,
  getDataset,
  importCsv,
  startDataset,
  uploadFile,
  waitForImport,
} from '../support/datasets.js';
import { useServer } from '../support/harness.js';

const ENDED = ['done', 'review', 'failed'] as const;

describe.each(BACKENDS)('account import edges on %s', (backend) => {
  const ctx = useServer(backend);
  const ws = () => ctx.server.admin!.workspaceId;

  /** Uploads `bytes` as a new dataset, confirms the suggested mapping, waits for any end state. */
  async function runImport(
    name: string,
    bytes: Uint8Array,
  ): Promise<{ dataset: DatasetDto; ended: ImportDto }> {
    const { dataset, upload } = await startDataset(ctx.server, ws(), name, bytes);
    expect(upload.state, upload.error ?? '').toBe('mapping');
    expectStatus(
      await request<ImportDto>(ctx.server, 'PUT', `/api/imports/${upload.id}/mapping`, {
        body: { mapping: upload.mapping },
      }),
      200,
      'confirming the mapping',
    );
    return { dataset, ended: await waitForImport(ctx.server, upload.id, ENDED) };
  }

  async function reimport(datasetId: string, csv: string): Promise<ImportDto> {
    const bytes = new TextEncoder().encode(csv);
    const created = expectStatus(
      await request<ImportDto>(ctx.server, 'POST', `/api/datasets/${datasetId}/imports`, {
        body: { fileName: 'again.csv', fileBytes: bytes.length },
      }),
      201,
      're-importing',
    );
    const uploaded = await uploadFile(ctx.server, created.id, bytes);
    expectStatus(
      await request(ctx.server, 'PUT', `/api/imports/${created.id}/mapping`, {
        body: { mapping: uploaded.mapping },
      }),
      200,
      'confirming',
    );
    return waitForImport(ctx.server, created.id, ENDED);
  }

  // detectEncoding promises Windows-1252 ("as browsers decode it"), but importRunner.ts:191 parses
  // with Node's 'latin1' (ISO-8859-1) and inspectFile.ts:128's TextDecoder('windows-1252') is
  // ISO-8859-1 too on Node 20: 0x80-0x9F become C1 controls (U+0080, U+0092), so "€5M" is "not a
  // number" and "Café’s" is stored as "Caf\u00e9\u0092s".
  it('a Windows-1252 export imports € and ’ as Windows-1252', async () => {
    const bytes = Buffer.concat([
      Buffer.from('Company name,Annual Revenue\r\nCaf\xe9', 'latin1'),
      Buffer.from([0x92]), // ’ in Windows-1252
      Buffer.from('s,', 'latin1'),
      Buffer.from([0x80]), // € in Windows-1252
      Buffer.from('5M\r\n', 'latin1'),
    ]);
    const { dataset, upload } = await startDataset(ctx.server, ws(), 'cp1252 export', bytes);
    expect(upload.encoding).toBe('latin1');
    expectStatus(
      await request(ctx.server, 'PUT', `/api/imports/${upload.id}/mapping`, {
        body: { mapping: upload.mapping },
      }),
      200,
      'confirming',
    );
    const ended = await waitForImport(ctx.server, upload.id, ENDED);
    expect(ended.report?.errors ?? []).toEqual([]);
    expect(ended.state).toBe('done');
    const page = expectStatus(
      await request<AccountPageDto>(ctx.server, 'GET', `/api/datasets/${dataset.id}/accounts`),
      200,
      'listing',
    );
    expect(page.accounts[0]).toMatchObject({ name: 'Café’s', revenue: 5_000_000 });
  });

  // A re-import must map the identity the dataset's accounts are known by, or it would add every
  // account again: the mapping is refused (400 naming the field) and nothing changes.
  it('a re-import without the record-id column is refused instead of duplicating every account', async () => {
    const dataset = await importCsv(
      ctx.server,
      ws(),
      'Keyed by id',
      csvOf([
        ['Record ID', 'Company name', 'Website', 'Employees'],
        ['001', 'Acme', 'acme.com', '100'],
        ['002', 'Globex', 'globex.com', '200'],
      ]),
    );
    expect(dataset.accountCount).toBe(2);
    const bytes = new TextEncoder().encode(
      csvOf([
        ['Company name', 'Website', 'Employees'],
        ['Acme', 'acme.com', '150'],
      ]),
    );
    const created = expectStatus(
      await request<ImportDto>(ctx.server, 'POST', `/api/datasets/${dataset.id}/imports`, {
        body: { fileName: 'again.csv', fileBytes: bytes.length },
      }),
      201,
      're-importing',
    );
    const uploaded = await uploadFile(ctx.server, created.id, bytes);
    const refused = await request<{ error: { field: string } }>(
      ctx.server,
      'PUT',
      `/api/imports/${created.id}/mapping`,
      {
        body: { mapping: uploaded.mapping },
      },
    );
    expect(refused.status).toBe(400);
    expect(refused.body.error.field).toBe('mapping.columns.externalId');
    expect((await getDataset(ctx.server, dataset.id)).accountCount).toBe(2);
  });

  it('a narrower re-import updates what it carries and leaves the other fields of matched accounts', async () => {
    const dataset = await importCsv(
      ctx.server,
      ws(),
      'Wide first',
      csvOf([
        ['Record ID', 'Company name', 'Employees', 'LTV'],
        ['001', 'Acme', '100', '50000'],
      ]),
    );
    const done = await reimport(
      dataset.id,
      csvOf([
        ['Record ID', 'Company name', 'Employees'],
        ['001', 'Acme', '150'],
      ]),
    );
    expect(done.report).toMatchObject({ updated: 1, added: 0 });
    const page = expectStatus(
      await request<AccountPageDto>(ctx.server, 'GET', `/api/datasets/${dataset.id}/accounts`),
      200,
      'listing',
    );
    expect(page.accounts[0]).toMatchObject({ employees: 150, ltv: 50000 });
  });

  // datasetCommands.ts:186-188: a chunk still arriving when the import is cancelled carries on; its
  // conditional update is ignored, the completed file triggers inspect() on a removed file, and
  // findImport(...)! is undefined for a cancelled first import: presentImport throws, 500.
  it('a chunk that was arriving while its import was cancelled answers 409, not 500', async () => {
    const bytes = new TextEncoder().encode(csvOf([['Company name'], ['Acme'], ['Globex']]));
    const dataset = expectStatus(
      await request<DatasetDto>(ctx.server, 'POST', `/api/workspaces/${ws()}/datasets`, {
        body: { name: 'Cancelled mid-chunk', fileName: 'c.csv', fileBytes: bytes.length },
      }),
      201,
      'creating',
    );
    const importId = dataset.latestImport!.id;
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const body = new ReadableStream<Uint8Array>({
      async start(controller) {
        controller.enqueue(bytes.subarray(0, 5));
        await released;
        controller.enqueue(bytes.subarray(5));
        controller.close();
      },
    });
    const sending = fetch(`${ctx.server.url}/api/imports/${importId}/file?offset=0`, {
      method: 'PUT',
      headers: {
        ...credentialHeaders({ token: ctx.server.admin!.token }),
        'content-type': 'application/octet-stream',
      },
      body,
      duplex: 'half',
    } as RequestInit);
    const file = path.join(ctx.server.dataDir, 'imports', `${importId}.csv`);
    await waitFor(() => fs.existsSync(file) && fs.statSync(file).size >= 5);
    expect((await request(ctx.server, 'POST', `/api/imports/${importId}/cancel`)).status).toBe(200);
    release();
    const response = await sending;
    expect(response.status, await response.text()).toBe(409);
  });

  // accountStore.ts:filtered: SQLite's lower() folds ASCII only, the pattern is lowercased in JS,
  // so a search typed exactly as stored ("Ärzte") finds nothing on SQLite.
  it('searching accounts finds a non-ASCII name typed exactly as it is stored', async () => {
    const dataset = await importCsv(
      ctx.server,
      ws(),
      'Umlauts',
      csvOf([['Company name'], ['Ärzte Verband'], ['Other']]),
    );
    const found = expectStatus(
      await request<AccountPageDto>(
        ctx.server,
        'GET',
        `/api/datasets/${dataset.id}/accounts?q=${encodeURIComponent('Ärzte')}`,
      ),
      200,
      'searching',
    );
    expect(found.total).toBe(1);
  });

  // The job's parser does not skip empty lines (importRunner.ts:189), inspectFile's does
  // (skip_empty_lines): the blank first record is taken for the header and the real header row
  // becomes an account.
  it('a file starting with a blank line does not import its header row as an account', async () => {
    const { dataset, ended } = await runImport(
      'Leading blank line',
      new TextEncoder().encode('\r\nCompany name,Industry\r\nAcme,Software\r\n'),
    );
    expect(ended.state).toBe('done');
    expect((await getDataset(ctx.server, dataset.id)).accountCount).toBe(1);
  });

  // PostgreSQL only: text cannot hold U+0000; the whole import fails "unexpectedly" instead of
  // listing the row (SQLite imports it).
  it('a NUL character in a cell is a bad row, not a failed import', async () => {
    const { ended } = await runImport(
      'NUL cell',
      new TextEncoder().encode(
        csvOf([
          ['Company name', 'Industry'],
          ['Acme\u0000', 'Software'],
          ['Globex', 'Retail'],
        ]),
      ),
    );
    expect(ended.error).toBeNull();
    expect(['done', 'review']).toContain(ended.state);
  });

  // PostgreSQL only: `key` (name:<up to 10,000 chars>) is in a btree unique index / primary key;
  // an entry over ~2,700 bytes fails the whole import (SQLite imports it).
  it('a long company name (within the 10,000-character cell limit) does not fail the import', async () => {
    const longName = randomBytes(6000).toString('base64'); // 8,000 characters
    const { ended } = await runImport(
      'Long name',
      new TextEncoder().encode(csvOf([['Company name'], [longName], ['Globex']])),
    );
    expect(ended.error).toBeNull();
    expect(['done', 'review']).toContain(ended.state);
  });
});
