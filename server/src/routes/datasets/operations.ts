import { z } from 'zod';
import {
  accountPageDtoSchema,
  coverageBodySchema,
  coverageDtoSchema,
  createDatasetBodySchema,
  createImportBodySchema,
  datasetDtoSchema,
  datasetListDtoSchema,
  datasetParamsSchema,
  importDecisionBodySchema,
  importDtoSchema,
  importParamsSchema,
  insightsBodySchema,
  insightsDtoSchema,
  listAccountsQuerySchema,
  updateMappingBodySchema,
  uploadChunkQuerySchema,
  workspaceDatasetsParamsSchema,
} from '@bullseye/shared';
import type { Operation } from '../../openapi.js';

/**
 * Account datasets (CRM exports) of a workspace: import in chunks with a mapping step, read accounts,
 * insights (best customers against a comparison population) and coverage of a draft's criteria.
 * Admins and editors import and delete; every member reads.
 */
export const datasetOperations = {
  listDatasets: {
    method: 'get',
    path: '/workspaces/{workspaceId}/datasets',
    summary: "The workspace's account datasets, newest first, each with its latest import",
    params: workspaceDatasetsParamsSchema,
    response: { status: 200, schema: datasetListDtoSchema },
    errors: [401, 404],
  },
  createDataset: {
    method: 'post',
    path: '/workspaces/{workspaceId}/datasets',
    summary:
      'Start a dataset from a CSV file: answers the dataset with an import in state `uploading`; send the ' +
      'file with `uploadImportChunk`, confirm the mapping, and the import runs (admins and editors)',
    params: workspaceDatasetsParamsSchema,
    body: createDatasetBodySchema,
    response: { status: 201, schema: datasetDtoSchema },
    errors: [400, 401, 403, 404, 409, 413],
  },
  createSampleDataset: {
    method: 'post',
    path: '/workspaces/{workspaceId}/datasets/sample',
    summary:
      'Load generated sample accounts (clearly labelled as sample) through the same import path, to try ' +
      'the insights before a CRM export is at hand (admins and editors)',
    params: workspaceDatasetsParamsSchema,
    response: { status: 201, schema: datasetDtoSchema },
    errors: [401, 403, 404, 409],
  },
  getDataset: {
    method: 'get',
    path: '/datasets/{id}',
    summary: 'One dataset with its counts and latest import',
    params: datasetParamsSchema,
    response: { status: 200, schema: datasetDtoSchema },
    errors: [401, 404],
  },
  deleteDataset: {
    method: 'delete',
    path: '/datasets/{id}',
    summary: 'Delete a dataset, its accounts and its imports (admins and editors); recorded in the audit log',
    params: datasetParamsSchema,
    response: { status: 204, schema: z.void() },
    errors: [401, 403, 404],
  },
  createImport: {
    method: 'post',
    path: '/datasets/{id}/imports',
    summary:
      'Re-import a dataset from a new file: accounts are updated by record id or domain, new ones added, ' +
      'nothing duplicated; the dataset keeps its accounts until the import is committed',
    params: datasetParamsSchema,
    body: createImportBodySchema,
    response: { status: 201, schema: importDtoSchema },
    errors: [400, 401, 403, 404, 409],
  },
  getImport: {
    method: 'get',
    path: '/imports/{id}',
    summary: 'An import: state, bytes received, detected dialect, mapping, progress and report',
    params: importParamsSchema,
    response: { status: 200, schema: importDtoSchema },
    errors: [401, 404],
  },
  uploadImportChunk: {
    method: 'put',
    path: '/imports/{id}/file',
    summary:
      'Append the next bytes of the file (`application/octet-stream`, at most 8 MiB per request) at ' +
      '`offset`, which must equal the bytes already received (else 409: read `receivedBytes` with ' +
      '`getImport` and resume there). The last chunk makes the server read the header and suggest a mapping',
    params: importParamsSchema,
    query: uploadChunkQuerySchema,
    response: { status: 200, schema: importDtoSchema },
    errors: [400, 401, 403, 404, 409, 413],
  },
  updateDatasetMapping: {
    method: 'put',
    path: '/imports/{id}/mapping',
    summary:
      "Confirm or change how the file's columns map to account fields, and start the import (state " +
      '`mapping` only); unknown headers or a header mapped twice answer 400 naming the field',
    params: importParamsSchema,
    body: updateMappingBodySchema,
    response: { status: 200, schema: importDtoSchema },
    errors: [400, 401, 403, 404, 409],
  },
  decideImport: {
    method: 'post',
    path: '/imports/{id}/decision',
    summary:
      'After an import found bad rows (state `review`): import the good rows, or import nothing (the ' +
      'dataset is left as it was; a first import leaves no dataset)',
    params: importParamsSchema,
    body: importDecisionBodySchema,
    response: { status: 200, schema: importDtoSchema },
    errors: [400, 401, 403, 404, 409],
  },
  cancelImport: {
    method: 'post',
    path: '/imports/{id}/cancel',
    summary:
      'Stop an import that is uploading, waiting for its mapping, running or waiting for a decision: ' +
      'nothing of it is kept (a first import leaves no dataset)',
    params: importParamsSchema,
    response: { status: 200, schema: importDtoSchema },
    errors: [401, 403, 404, 409],
  },
  listAccounts: {
    method: 'get',
    path: '/datasets/{id}/accounts',
    summary:
      "Accounts of a dataset, a page at a time (`after` = the previous page's `next`), optionally filtered " +
      'by name or domain (`q`); `format=csv` downloads them all as a spreadsheet-safe CSV',
    params: datasetParamsSchema,
    query: listAccountsQuerySchema,
    response: {
      status: 200,
      schema: accountPageDtoSchema,
      content: { 'application/json': accountPageDtoSchema, 'text/csv': z.string() },
    },
    errors: [400, 401, 404, 409],
  },
  getInsights: {
    method: 'post',
    path: '/datasets/{id}/insights',
    summary:
      'What sets the best customers apart: for each value or band of each dimension, its share among the ' +
      'best customers and in the comparison population, lift with a 95% interval, win rate and n',
    params: datasetParamsSchema,
    body: insightsBodySchema,
    response: { status: 200, schema: insightsDtoSchema },
    errors: [400, 401, 404, 409],
  },
  getCoverage: {
    method: 'post',
    path: '/datasets/{id}/coverage',
    summary:
      "How much of the best customers a draft's criteria cover, and how much of all accounts they match",
    params: datasetParamsSchema,
    body: coverageBodySchema,
    response: { status: 200, schema: coverageDtoSchema },
    errors: [400, 401, 404, 409],
  },
} as const satisfies Record<string, Operation>;
