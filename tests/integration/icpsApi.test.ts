import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { LIMITS, type IcpDto } from '@bullseye/shared';
import { errorOf, archiveIcp, createIcp, isHealthy, renameIcp, request } from '../support/api.js';
import { BACKENDS } from '../support/backends.js';
import { useServer } from '../support/harness.js';
import { waitFor } from '../support/waitFor.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** Waits until the clock has moved past `timestamp`, so the next write sorts strictly after it. */
async function clockPast(timestamp: string): Promise<void> {
  await waitFor(() => new Date().toISOString() > timestamp);
}

describe.each(BACKENDS)('ICP HTTP API on %s', (backend) => {
  const ctx = useServer(backend);

  const workspaceQuery = () => `workspaceId=${ctx.server.admin!.workspaceId}`;
  const list = async (query = '') => {
    const extra = query ? `&${query.slice(1)}` : '';
    const response = await request<{ icps: IcpDto[] }>(
      ctx.server,
      'GET',
      `/api/icps?${workspaceQuery()}${extra}`,
    );
    expect(response.status).toBe(200);
    return response.body.icps;
  };

  describe('create', () => {
    it('creates an ICP with a uuid, the trimmed title and timestamps (201)', async () => {
      const response = await request<IcpDto>(ctx.server, 'POST', '/api/icps', {
        body: { title: '   Mid-market SaaS in DACH  ', workspaceId: ctx.server.admin!.workspaceId },
      });
      expect(response.status).toBe(201);
      const icp = response.body;
      expect(icp.id).toMatch(UUID);
      expect(icp.workspaceId).toBe(ctx.server.admin!.workspaceId);
      expect(icp.abilities).toEqual({
        read: true,
        comment: true,
        edit: true,
        manageIcps: true,
        manageMembers: true,
      });
      expect(icp.title).toBe('Mid-market SaaS in DACH');
      expect(icp.createdAt).toMatch(ISO_DATE);
      expect(icp.updatedAt).toBe(icp.createdAt);
      expect(icp.archivedAt).toBeNull();
      // The owner is an admin without a function and not an approver.
      expect(icp.reviewAbilities).toEqual({
        requestSignOff: true,
        restore: true,
        signOffFor: null,
        approve: false,
      });
      expect(icp.review).toEqual({
        state: 'draft',
        reviewDue: false,
        reviewDueAt: null,
        reviewIntervalDays: 90,
        current: null,
        approved: null,
      });
    });

    it('accepts a title of exactly the maximum length', async () => {
      const title = 'x'.repeat(LIMITS.maxTitleLength);
      expect((await createIcp(ctx.server, title)).title).toBe(title);
    });

    it.each([
      ['an empty title', { title: '' }, 'title'],
      ['a blank title', { title: '   \t ' }, 'title'],
      ['a title longer than 120 characters', { title: 'x'.repeat(LIMITS.maxTitleLength + 1) }, 'title'],
      ['a title with control characters', { title: 'bad\u0007title' }, 'title'],
      ['a number as title', { title: 42 }, 'title'],
      ['null as title', { title: null }, 'title'],
      ['a missing title', {}, 'title'],
      ['an unknown field', { title: 'Fine', owner: 'me' }, 'owner'],
      ['an array body', [{ title: 'Fine' }], 'body'],
    ])('refuses %s with 400 naming the field', async (_case, fields, field) => {
      const body = Array.isArray(fields) ? fields : { ...fields, workspaceId: ctx.server.admin!.workspaceId };
      errorOf(await request(ctx.server, 'POST', '/api/icps', { body }), 400, 'invalid_input', field);
    });

    it('refuses a body that is not a JSON object', async () => {
      for (const body of ['"just a string"', '42', 'null']) {
        errorOf(await request(ctx.server, 'POST', '/api/icps', { body }), 400, 'invalid_input', 'body');
      }
    });

    it('refuses a request without a body', async () => {
      errorOf(await request(ctx.server, 'POST', '/api/icps'), 400, 'invalid_input', 'body');
    });

    it('refuses invalid JSON with invalid_json', async () => {
      errorOf(
        await request(ctx.server, 'POST', '/api/icps', { body: '{"title": "unterminated' }),
        400,
        'invalid_json',
      );
    });

    it('refuses a body larger than 64 KiB with 413', async () => {
      const body = JSON.stringify({ title: 'x'.repeat(LIMITS.maxJsonBodyBytes + 1) });
      errorOf(await request(ctx.server, 'POST', '/api/icps', { body }), 413, 'payload_too_large');
    });
  });

  describe('list', () => {
    it('lists active ICPs, most recently updated first', async () => {
      const first = await createIcp(ctx.server, 'List order A');
      await clockPast(first.updatedAt);
      const second = await createIcp(ctx.server, 'List order B');
      await clockPast(second.updatedAt);
      const third = await createIcp(ctx.server, 'List order C');

      const icps = await list();
      const ids = icps.map((icp) => icp.id);
      expect(ids.indexOf(third.id)).toBeLessThan(ids.indexOf(second.id));
      expect(ids.indexOf(second.id)).toBeLessThan(ids.indexOf(first.id));
      const updated = icps.map((icp) => icp.updatedAt);
      expect(updated).toEqual([...updated].sort().reverse());

      // Renaming the oldest makes it the most recent.
      await clockPast(third.updatedAt);
      await renameIcp(ctx.server, first.id, 'List order A, renamed');
      const [top] = await list();
      expect(top).toMatchObject({ id: first.id, title: 'List order A, renamed' });
    });

    it('hides archived ICPs unless ?archived=true, and shows only archived ones then', async () => {
      const kept = await createIcp(ctx.server, 'Archive filter kept');
      const archived = await createIcp(ctx.server, 'Archive filter archived');
      await archiveIcp(ctx.server, archived.id);

      const active = await list();
      expect(active.map((icp) => icp.id)).toContain(kept.id);
      expect(active.map((icp) => icp.id)).not.toContain(archived.id);
      expect(active.every((icp) => icp.archivedAt === null)).toBe(true);

      const onlyArchived = await list('?archived=true');
      expect(onlyArchived.map((icp) => icp.id)).toContain(archived.id);
      expect(onlyArchived.map((icp) => icp.id)).not.toContain(kept.id);
      expect(onlyArchived.every((icp) => icp.archivedAt !== null)).toBe(true);

      expect((await list('?archived=false')).map((icp) => icp.id)).toContain(kept.id);
    });

    it('refuses a bad archived filter and unknown query parameters', async () => {
      errorOf(
        await request(ctx.server, 'GET', `/api/icps?${workspaceQuery()}&archived=maybe`),
        400,
        'invalid_input',
        'archived',
      );
      errorOf(
        await request(ctx.server, 'GET', `/api/icps?${workspaceQuery()}&sort=title`),
        400,
        'invalid_input',
        'sort',
      );
      errorOf(await request(ctx.server, 'GET', '/api/icps'), 400, 'invalid_input', 'workspaceId');
    });
  });

  describe('get, rename, archive', () => {
    it('gets one ICP', async () => {
      const icp = await createIcp(ctx.server, 'Get me');
      const response = await request<IcpDto>(ctx.server, 'GET', `/api/icps/${icp.id}`);
      expect(response.status).toBe(200);
      expect(response.body).toEqual(icp);
    });

    it('renames an ICP (trimmed) and the new title is what everyone reads', async () => {
      const icp = await createIcp(ctx.server, 'Old name');
      await clockPast(icp.updatedAt);
      const response = await request<IcpDto>(ctx.server, 'PATCH', `/api/icps/${icp.id}`, {
        body: { title: '  New name ' },
      });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ id: icp.id, title: 'New name', createdAt: icp.createdAt });
      expect(response.body.updatedAt > icp.updatedAt).toBe(true);
      expect((await request<IcpDto>(ctx.server, 'GET', `/api/icps/${icp.id}`)).body.title).toBe('New name');
    });

    it.each([
      ['an empty title', { title: '' }, 'title'],
      ['a too long title', { title: 'y'.repeat(LIMITS.maxTitleLength + 1) }, 'title'],
      ['a wrong type', { title: ['a'] }, 'title'],
      ['an unknown field', { title: 'Fine', archivedAt: null }, 'archivedAt'],
      ['a non-object body', 'true', 'body'],
      ['nothing to change', {}, 'body'],
      ['a review interval below 7 days', { title: 'Fine', reviewIntervalDays: 6 }, 'reviewIntervalDays'],
    ])('refuses a rename with %s (400) and keeps the title', async (_case, body, field) => {
      const icp = await createIcp(ctx.server, 'Unchanged');
      errorOf(
        await request(ctx.server, 'PATCH', `/api/icps/${icp.id}`, { body }),
        400,
        'invalid_input',
        field,
      );
      expect((await request<IcpDto>(ctx.server, 'GET', `/api/icps/${icp.id}`)).body.title).toBe('Unchanged');
    });

    it('sets the review cadence alone or with a new title', async () => {
      const icp = await createIcp(ctx.server, 'Cadence');
      const cadence = await request<IcpDto>(ctx.server, 'PATCH', `/api/icps/${icp.id}`, {
        body: { reviewIntervalDays: 180 },
      });
      expect(cadence.status).toBe(200);
      expect(cadence.body).toMatchObject({
        title: 'Cadence',
        review: { reviewIntervalDays: 180, reviewDueAt: null },
      });
      const both = await request<IcpDto>(ctx.server, 'PATCH', `/api/icps/${icp.id}`, {
        body: { title: 'Cadence, renamed', reviewIntervalDays: 7 },
      });
      expect(both.body).toMatchObject({ title: 'Cadence, renamed', review: { reviewIntervalDays: 7 } });
      expect((await request<IcpDto>(ctx.server, 'GET', `/api/icps/${icp.id}`)).body).toEqual(both.body);
    });

    it('refuses a rename with invalid JSON or an oversized body', async () => {
      const icp = await createIcp(ctx.server, 'Unchanged too');
      const path = `/api/icps/${icp.id}`;
      errorOf(await request(ctx.server, 'PATCH', path, { body: '{title:' }), 400, 'invalid_json');
      const big = JSON.stringify({ title: 'z'.repeat(LIMITS.maxJsonBodyBytes + 1) });
      errorOf(await request(ctx.server, 'PATCH', path, { body: big }), 413, 'payload_too_large');
    });

    it('archives and unarchives an ICP', async () => {
      const icp = await createIcp(ctx.server, 'To archive');
      const archived = await request<IcpDto>(ctx.server, 'POST', `/api/icps/${icp.id}/archive`);
      expect(archived.status).toBe(200);
      expect(archived.body.archivedAt).toMatch(ISO_DATE);
      expect((await request<IcpDto>(ctx.server, 'GET', `/api/icps/${icp.id}`)).body.archivedAt).toBe(
        archived.body.archivedAt,
      );

      const restored = await request<IcpDto>(ctx.server, 'POST', `/api/icps/${icp.id}/unarchive`);
      expect(restored.status).toBe(200);
      expect(restored.body.archivedAt).toBeNull();
      expect((await list()).map((i) => i.id)).toContain(icp.id);
    });
  });

  describe('unknown and malformed ids', () => {
    const routes: [string, (id: string) => string, unknown][] = [
      ['GET', (id) => `/api/icps/${id}`, undefined],
      ['PATCH', (id) => `/api/icps/${id}`, { title: 'Whatever' }],
      ['POST', (id) => `/api/icps/${id}/archive`, undefined],
      ['POST', (id) => `/api/icps/${id}/unarchive`, undefined],
    ];
    const ids = [
      ['an unknown id', randomUUID()],
      ['a malformed id', 'not-a-uuid'],
      ['an id with SQL in it', "1' OR '1'='1"],
    ];

    for (const [method, path, body] of routes) {
      it.each(ids)(`${method} ${path(':id')} answers 404 for %s`, async (_case, id) => {
        const response = await request(ctx.server, method, path(encodeURIComponent(id!)), { body });
        errorOf(response, 404, 'not_found');
      });
    }

    it('answers 404 with the envelope for an unknown API route', async () => {
      errorOf(await request(ctx.server, 'GET', '/api/nothing-here'), 404, 'route_not_found');
      errorOf(await request(ctx.server, 'DELETE', `/api/icps/${randomUUID()}`), 404, 'route_not_found');
      errorOf(await request(ctx.server, 'POST', '/api/icps/x/y/z', { body: {} }), 404, 'route_not_found');
    });
  });

  describe('service endpoints', () => {
    it('answers /healthz', async () => {
      expect(await isHealthy(ctx.server)).toBe(true);
    });

    it('describes every operation in /api/openapi.json', async () => {
      const response = await request<{
        openapi: string;
        paths: Record<string, Record<string, { operationId: string }>>;
      }>(ctx.server, 'GET', '/api/openapi.json');
      expect(response.status).toBe(200);
      expect(response.body.openapi).toMatch(/^3\./);
      const operationIds = Object.values(response.body.paths).flatMap((methods) =>
        Object.values(methods).map((op) => op.operationId),
      );
      expect(operationIds.sort()).toEqual(
        [
          'archiveIcp',
          'createIcp',
          'getIcp',
          'getIcpDraft',
          'listIcps',
          'unarchiveIcp',
          'updateIcp',
          'getInstance',
          'updateInstance',
          'setup',
          'signUp',
          'signIn',
          'signOut',
          'getMe',
          'getSession',
          'changePassword',
          'getInvite',
          'acceptInvite',
          'listWorkspaces',
          'createWorkspace',
          'listMembers',
          'updateMember',
          'removeMember',
          'listInvites',
          'createInvite',
          'revokeInvite',
          'listTokens',
          'createToken',
          'revokeToken',
          'listComments',
          'createComment',
          'replyToComment',
          'updateComment',
          'deleteComment',
          'resolveComment',
          'reopenComment',
          'followIcp',
          'listInbox',
          'markInboxRead',
          'listVersions',
          'createVersion',
          'getVersion',
          'diffVersions',
          'restoreVersion',
          'requestSignOff',
          'signOff',
          'approveVersion',
          'exportVersion',
          'listAuditLog',
          'verifyAuditLog',
          'listDatasets',
          'createDataset',
          'createSampleDataset',
          'getDataset',
          'deleteDataset',
          'createImport',
          'getImport',
          'uploadImportChunk',
          'updateDatasetMapping',
          'decideImport',
          'cancelImport',
          'listAccounts',
          'getInsights',
          'getCoverage',
          'getScoringModel',
          'scoreAccounts',
          'scoreDataset',
          'listScorings',
          'exportScoring',
          'getScoreImpact',
          'listWorkshops',
          'startWorkshop',
          'getWorkshop',
          'workshopAction',
          'addWorkshopNote',
          'updateWorkshopNote',
          'deleteWorkshopNote',
          'voteOnWorkshopNote',
          'listCoachDismissals',
          'dismissCoachFinding',
          'restoreCoachFinding',
          'getIcpContributions',
          'duplicateIcp',
          'markPrimaryIcp',
          'unmarkPrimaryIcp',
          'compareIcps',
          'getInheritedDisqualifiers',
        ].sort(),
      );
    });
  });

  describe('persistence', () => {
    it('keeps ICPs, titles and archive state across a server restart', async () => {
      const renamed = await createIcp(ctx.server, 'Survivor');
      await renameIcp(ctx.server, renamed.id, 'Survivor, renamed');
      const archived = await createIcp(ctx.server, 'Archived survivor');
      await archiveIcp(ctx.server, archived.id);
      const activeBefore = await list();
      const archivedBefore = await list('?archived=true');

      expect(await ctx.server.stop()).toBe(0);
      await ctx.server.restart();

      expect(await list()).toEqual(activeBefore);
      expect(await list('?archived=true')).toEqual(archivedBefore);
      expect((await request<IcpDto>(ctx.server, 'GET', `/api/icps/${renamed.id}`)).body.title).toBe(
        'Survivor, renamed',
      );
    });
  });
});
