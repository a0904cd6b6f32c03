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

  it('describes blocking threads', () => {
    const data = {
      anchor: { type: 'text', section: 'goals', quote: 'cut churn' },
      excerpt: 'Not measurable',
    };
    const describe = (kind: Parameters<typeof describeAuditEntry>[0]['kind'], extra = {}) =>
      describeAuditEntry({ kind, actor: ada, data: { ...data, ...extra } });
    expect(describe('thread.marked_blocking', { newThread: true })).toEqual({
      actor: 'Ada Lovelace',
      action: 'started a blocking thread on Goals',
      quote: 'Not measurable',
    });
    expect(describe('thread.marked_blocking', { newThread: false }).action).toBe(
      'marked a thread on Goals as blocking',
    );
    expect(describe('thread.unmarked_blocking').action).toBe('unmarked a thread on Goals as blocking');
    expect(describe('thread.resolved').action).toBe('resolved a blocking thread on Goals');
    expect(describe('thread.reopened').action).toBe('reopened a blocking thread on Goals');
    expect(
      describeAuditEntry({ kind: 'thread.deleted', actor: ada, data: { anchor: { type: 'icp' } } }).action,
    ).toBe('deleted a blocking thread on the whole ICP');
  });

  it('describes members and invite links', () => {
    expect(
      describeAuditEntry({
        kind: 'member.joined',
        actor: ada,
        data: { role: 'editor', function: 'sales', approver: false },
      }).action,
    ).toBe('joined the workspace as an editor for Sales (invite link)');
    expect(
      describeAuditEntry({
        kind: 'member.updated',
        actor: ada,
        data: {
          name: 'Jo Joiner',
          before: { role: 'editor', function: 'sales', approver: false },
          after: { role: 'commenter', function: null, approver: true },
        },
      }).action,
    ).toBe("changed Jo Joiner's access: role editor → commenter, function Sales → none, now an approver");
    expect(
      describeAuditEntry({
        kind: 'member.removed',
        actor: ada,
        data: { name: 'Jo Joiner', role: 'commenter', function: 'marketing', approver: true },
      }).action,
    ).toBe('removed Jo Joiner (commenter for Marketing, approver) from the workspace');
    expect(
      describeAuditEntry({ kind: 'invite.created', actor: ada, data: { role: 'admin', function: null } })
        .action,
    ).toBe('created an invite link for an admin');
    expect(
      describeAuditEntry({ kind: 'invite.revoked', actor: ada, data: { role: 'viewer', approver: true } })
        .action,
    ).toBe('revoked an invite link for a viewer, approver');
  });
  it('describes dataset imports and deletions', () => {
    const ada = { id: 'u1', name: 'Ada Lovelace' };
    expect(
      describeAuditEntry({
        kind: 'dataset.imported',
        actor: ada,
        data: { datasetName: 'HubSpot Q3', added: 1200, updated: 30 },
      }).action,
    ).toBe('imported "HubSpot Q3" (1,200 added, 30 updated)');
    expect(
      describeAuditEntry({
        kind: 'dataset.deleted',
        actor: ada,
        data: { datasetName: 'Old', accountCount: 5000 },
      }).action,
    ).toBe('deleted the dataset "Old" (5,000 accounts)');
  });
});
