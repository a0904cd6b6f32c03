import { describe, expect, it } from 'vitest';
import { createIcpBodySchema, icpIdSchema, listIcpsQuerySchema, updateIcpBodySchema } from './icp.js';

describe('ICP request schemas', () => {
  it('trims titles and rejects empty, long, control-character and unknown fields', () => {
    expect(createIcpBodySchema.parse({ title: '  Mid-market SaaS ' })).toEqual({ title: 'Mid-market SaaS' });
    expect(createIcpBodySchema.safeParse({ title: '   ' }).success).toBe(false);
    expect(createIcpBodySchema.safeParse({ title: 'x'.repeat(121) }).success).toBe(false);
    expect(createIcpBodySchema.safeParse({ title: 'a\u0000b' }).success).toBe(false);
    expect(updateIcpBodySchema.safeParse({ title: 'ok', owner: 'me' }).success).toBe(false);
    expect(createIcpBodySchema.safeParse({ title: 5 }).success).toBe(false);
  });

  it('accepts only UUID ids and boolean-like archived filters', () => {
    expect(icpIdSchema.safeParse('3e0759e4-d9fa-40f2-bfd8-2ab5ffc9fe9f').success).toBe(true);
    expect(icpIdSchema.safeParse('../etc/passwd').success).toBe(false);
    expect(listIcpsQuerySchema.parse({})).toEqual({ archived: false });
    expect(listIcpsQuerySchema.parse({ archived: 'true' })).toEqual({ archived: true });
    expect(listIcpsQuerySchema.safeParse({ archived: 'yes' }).success).toBe(false);
  });
});
