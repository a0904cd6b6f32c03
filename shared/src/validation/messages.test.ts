import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addListItem, writeRange } from '../icp/accessors.js';
import { newPasswordSchema, personNameSchema, workspaceNameSchema } from './auth.js';
import { commentBodySchema } from './comments.js';
import { icpTitleSchema, listItemTextSchema, rangeSchemaFor } from './icp.js';
import { LIMITS } from './limits.js';
import { versionNameSchema, versionNoteSchema } from './versions.js';
import { createInviteBodySchema, tokenNameSchema, updateMemberBodySchema } from './workspaces.js';

/** The first message a schema gives for a value, as the API and the forms show it. */
function messageOf(
  schema: { safeParse(v: unknown): { success: boolean; error?: { issues: { message: string }[] } } },
  value: unknown,
) {
  const result = schema.safeParse(value);
  expect(result.success, `expected ${JSON.stringify(value)} to be refused`).toBe(false);
  return result.error!.issues[0]!.message;
}

function errorOf(run: () => unknown): string {
  try {
    run();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected a refusal');
}

const range = (min: number | null, max: number | null) => ({ min, max });

/**
 * The messages people read (after a field label, e.g. "Minimum employees must be 0 or more", or
 * after "field: " in the API's envelope). Each is checked for the house style: lower-case start,
 * no closing full stop (the label and the stop are added where it is shown), no zod defaults.
 */
const cases: [string, () => string][] = [
  ['empty title', () => messageOf(icpTitleSchema, '   ')],
  ['long title', () => messageOf(icpTitleSchema, 'x'.repeat(LIMITS.maxTitleLength + 1))],
  ['title that is not text', () => messageOf(icpTitleSchema, 5)],
  ['long criterion', () => messageOf(listItemTextSchema(80), 'x'.repeat(81))],
  ['criterion that is not text', () => messageOf(listItemTextSchema(80), 5)],
  ['negative employees', () => messageOf(rangeSchemaFor('employees'), range(-5, null))],
  ['huge employees', () => messageOf(rangeSchemaFor('employees'), range(null, 1e30))],
  ['fractional employees', () => messageOf(rangeSchemaFor('employees'), range(1.5, null))],
  ['crossed range', () => messageOf(rangeSchemaFor('revenue'), { ...range(10, 5), currency: 'USD' })],
  ['long comment', () => messageOf(commentBodySchema, 'x'.repeat(LIMITS.maxCommentLength + 1))],
  ['long version name', () => messageOf(versionNameSchema, 'x'.repeat(LIMITS.maxVersionNameLength + 1))],
  ['long note', () => messageOf(versionNoteSchema, 'x'.repeat(LIMITS.maxVersionNoteLength + 1))],
  [
    'long workspace name',
    () => messageOf(workspaceNameSchema, 'x'.repeat(LIMITS.maxWorkspaceNameLength + 1)),
  ],
  ['long display name', () => messageOf(personNameSchema, 'x'.repeat(LIMITS.maxDisplayNameLength + 1))],
  ['long token name', () => messageOf(tokenNameSchema, 'x'.repeat(LIMITS.maxTokenNameLength + 1))],
  ['short password', () => messageOf(newPasswordSchema, 'short')],
  ['viewer approver invite', () => messageOf(createInviteBodySchema, { role: 'viewer', approver: true })],
  ['viewer approver member', () => messageOf(updateMemberBodySchema, { role: 'viewer', approver: true })],
];

describe('validation messages', () => {
  it.each(cases)('%s: lower-case, no full stop, not a zod default', (_name, message) => {
    const text = message();
    expect(text).toMatch(/^[a-z0-9]/);
    expect(text).not.toMatch(/\.$/);
    expect(text).not.toMatch(/^(Invalid|Too (big|small)|Expected)|invalid input|received /i);
  });

  it('says what is wrong with a range in plain words, with articles', () => {
    expect(messageOf(rangeSchemaFor('employees'), range(-5, null))).toBe('must be 0 or more');
    expect(messageOf(rangeSchemaFor('employees'), range(null, 1e30))).toBe('must be at most 10,000,000');
    expect(messageOf(rangeSchemaFor('revenue'), { ...range(0, 2e13), currency: 'EUR' })).toBe(
      'must be at most 10,000,000,000,000',
    );
    const crossed = messageOf(rangeSchemaFor('employees'), range(10, 5));
    expect(crossed).toBe('the minimum must not exceed the maximum');
    // The accessor passes the same words on, naming the field.
    const doc = new Y.Doc();
    expect(errorOf(() => writeRange(doc, 'employees', { min: -1 }))).toBe('must be 0 or more');
    expect(errorOf(() => writeRange(doc, 'employees', { min: 10, max: 5 }))).toBe(
      'the minimum must not exceed the maximum',
    );
  });

  it('names the limit of over-long text', () => {
    expect(messageOf(listItemTextSchema(80), 'x'.repeat(187))).toBe('must be at most 80 characters');
    expect(errorOf(() => addListItem(new Y.Doc(), 'disqualifiers', 'x'.repeat(375)))).toBe(
      'must be at most 160 characters',
    );
    expect(messageOf(commentBodySchema, 'x'.repeat(5000))).toBe('must be at most 4000 characters');
  });

  it('refuses a viewer as approver on the approver field, and allows the others', () => {
    const refused = createInviteBodySchema.safeParse({ role: 'viewer', approver: true });
    expect(refused.error?.issues[0]?.path).toEqual(['approver']);
    expect(refused.error?.issues[0]?.message).toBe(
      'viewers cannot approve: choose the commenter role or above, or leave approver off',
    );
    expect(createInviteBodySchema.safeParse({ role: 'viewer', approver: false }).success).toBe(true);
    expect(createInviteBodySchema.safeParse({ role: 'viewer' }).success).toBe(true);
    for (const role of ['commenter', 'editor', 'admin']) {
      expect(createInviteBodySchema.safeParse({ role, approver: true }).success).toBe(true);
    }
    expect(
      updateMemberBodySchema.safeParse({ role: 'viewer', approver: true }).error?.issues[0]?.path,
    ).toEqual(['approver']);
    expect(updateMemberBodySchema.safeParse({ approver: true }).success).toBe(true);
  });
});
