import { z } from 'zod';
import {
  createVersionBodySchema,
  diffVersionsQuerySchema,
  exportVersionQuerySchema,
  icpDiffDtoSchema,
  icpVersionsParamsSchema,
  versionDetailDtoSchema,
  versionDtoSchema,
  versionListDtoSchema,
  versionParamsSchema,
} from '@bullseye/shared';
import type { Operation } from '../../openapi.js';
import { versionExportDtoSchema } from '../../presenters/export.js';

/** Versions of an ICP: list, name, read, compare, restore and export; for the router and OpenAPI. */
export const versionOperations = {
  listVersions: {
    method: 'get',
    path: '/icps/{icpId}/versions',
    summary: "The ICP's versions (named, automatic and restores), newest first",
    params: icpVersionsParamsSchema,
    response: { status: 200, schema: versionListDtoSchema },
    errors: [401, 404],
  },
  createVersion: {
    method: 'post',
    path: '/icps/{icpId}/versions',
    summary: 'Name the live draft as a version, e.g. "Q1 2027 workshop" (editors and admins)',
    params: icpVersionsParamsSchema,
    body: createVersionBodySchema,
    response: { status: 201, schema: versionDtoSchema },
    errors: [400, 401, 403, 404, 413],
  },
  getVersion: {
    method: 'get',
    path: '/versions/{id}',
    summary: "One version with its canonical content and the ICP's title at the time (read-only)",
    params: versionParamsSchema,
    response: { status: 200, schema: versionDetailDtoSchema },
    errors: [401, 404],
  },
  diffVersions: {
    method: 'get',
    path: '/icps/{icpId}/diff',
    summary:
      'What changed, section by section, from one version to another of the same ICP or to the live ' +
      'draft (`to=draft`): criteria added, removed and changed by id, ranges, word-level narrative changes',
    params: icpVersionsParamsSchema,
    query: diffVersionsQuerySchema,
    response: { status: 200, schema: icpDiffDtoSchema },
    errors: [400, 401, 404],
  },
  restoreVersion: {
    method: 'post',
    path: '/versions/{id}/restore',
    summary:
      'Bring a past version back as a new change on the live draft (editors and admins; open clients ' +
      'see it live). The draft is kept first as an automatic version unless it is the latest version; ' +
      "the result is kept as a `restore` version with the restored version's hash",
    params: versionParamsSchema,
    response: {
      status: 200,
      schema: z.object({ before: versionDtoSchema.nullable(), after: versionDtoSchema }),
    },
    errors: [401, 403, 404],
  },
  exportVersion: {
    method: 'get',
    path: '/versions/{id}/export',
    summary:
      'Download a version as Markdown (default) or JSON, named after the ICP title ' +
      '(Content-Disposition: attachment)',
    params: versionParamsSchema,
    query: exportVersionQuerySchema,
    response: {
      status: 200,
      schema: versionExportDtoSchema,
      content: { 'text/markdown': z.string(), 'application/json': versionExportDtoSchema },
    },
    errors: [400, 401, 404],
  },
} satisfies Record<string, Operation>;
