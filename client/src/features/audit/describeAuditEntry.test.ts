import { describe, expect, it } from 'vitest';
import { describeAuditEntry } from './describeAuditEntry.js';

const ada = { id: 'u1', name: 'Ada Lovelace' };

describe('describeAuditEntry', () => {
  it('names a saved version', () => {
    expect(
      describeAuditEntry({
        kind: 'version.created',
        actor: ada,
        data: { versionNumber: 3, name: 'Q1 workshop', kind: 'named' },
      }),
    ).toEqual({ actor: 'Ada Lovelace', action: 'saved version 3 “Q1 workshop”', quote: null });
  });

  it('credits automatic versions to Bullseye', () => {
    expect(
      describeAuditEntry({ kind: 'version.created', actor: null, data: { versionNumber: 4, kind: 'auto' } }),
    ).toMatchObject({ actor: 'Bullseye', action: 'kept version 4 automatically' });
  });

  it('says which function signed, how, and why', () => {
    expect(
      describeAuditEntry({
        kind: 'signoff.recorded',
        actor: ada,
        data: {
          versionNumber: 5,
          function: 'customer_success',
          decision: 'request_changes',
          reason: 'Too broad',
        },
      }),
    ).toEqual({
      actor: 'Ada Lovelace',
      action: 'requested changes to version 5 for Customer success',
      quote: 'Too broad',
    });
    expect(
      describeAuditEntry({
        kind: 'signoff.recorded',
        actor: ada,
        data: { versionNumber: 5, function: 'sales', decision: 'approve' },
      }).action,
    ).toBe('approved version 5 for Sales');
  });

  it('describes requests, approvals and restores', () => {
    expect(
      describeAuditEntry({ kind: 'signoff.requested', actor: ada, data: { versionNumber: 5 } }).action,
    ).toBe('requested sign-off on version 5');
    expect(
      describeAuditEntry({ kind: 'version.approved', actor: ada, data: { versionNumber: 5 } }).action,
    ).toBe("approved version 5 as the ICP's approved version");
    expect(
      describeAuditEntry({
        kind: 'version.restored',
        actor: ada,
        data: { restoredFrom: 2, afterVersionNumber: 7 },
      }).action,
    ).toBe('restored version 2 (now version 7)');
  });

  it('says Someone once the account is gone', () => {
    expect(
      describeAuditEntry({ kind: 'signoff.requested', actor: null, data: { versionNumber: 1 } }).actor,
    ).toBe('Someone');
  });
});
