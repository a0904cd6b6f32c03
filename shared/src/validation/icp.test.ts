import { describe, expect, it } from 'vitest';
import { createIcpBodySchema, icpIdSchema, listIcpsQuerySchema, updateIcpBodySchema } from './icp.js';

const workspaceId = '6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f';

describe('ICP request schemas', () => {
  it('trims titles and rejects empty, long, control-character and unknown fields', () => {
    expect(createIcpBodySchema.parse({ title: '  Mid-market SaaS ', workspaceId })).toEqual({
      title: 'Mid-market SaaS',
      workspaceId,
    });
    expect(createIcpBodySchema.safeParse({ title: '   ', workspaceId }).success).toBe(false);
    expect(createIcpBodySchema.safeParse({ title: 'x'.repeat(121), workspaceId }).success).toBe(false);
    expect(createIcpBodySchema.safeParse({ title: 'a\u0000b', workspaceId }).success).toBe(false);
    expect(updateIcpBodySchema.safeParse({ title: 'ok', owner: 'me' }).success).toBe(false);
    expect(createIcpBodySchema.safeParse({ title: 5, workspaceId }).success).toBe(false);
    expect(createIcpBodySchema.safeParse({ title: 'No workspace' }).success).toBe(false);
  });

  it('accepts only UUID ids and boolean-like archived filters', () => {
    expect(icpIdSchema.safeParse('3e0759e4-d9fa-40f2-bfd8-2ab5ffc9fe9f').success).toBe(true);
    expect(icpIdSchema.safeParse('../etc/passwd').success).toBe(false);
    expect(listIcpsQuerySchema.parse({ workspaceId })).toEqual({ workspaceId, archived: false });
    expect(listIcpsQuerySchema.parse({ workspaceId, archived: 'true' })).toEqual({
      workspaceId,
      archived: true,
    });
    expect(listIcpsQuerySchema.safeParse({ workspaceId, archived: 'yes' }).success).toBe(false);
    expect(listIcpsQuerySchema.safeParse({}).success).toBe(false);
  });
});
