import {
  findSection,
  FUNCTION_LABELS,
  ROLE_LABELS,
  type AuditEntryDto,
  type IcpFunction,
  type Role,
} from '@bullseye/shared';

export interface AuditEntryDescription {
  /** Who acted: their name, "Bullseye" for automatic entries, "Someone" once their account is gone. */
  actor: string;
  /** The rest of the sentence: "approved version 3 for Sales". */
  action: string;
  /** A quote that belongs with it (a reason, a note), or null. */
  quote: string | null;
}

const str = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : null);
const num = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : null);

/** "version 3" or "version 3 “Q1 2027 workshop”" from whatever the entry recorded. */
function versionPhrase(data: Record<string, unknown>, numberKey = 'versionNumber', nameKey = 'versionName') {
  const number = num(data[numberKey]) ?? num(data.number);
  const name = str(data[nameKey]) ?? (numberKey === 'versionNumber' ? str(data.name) : null);
  const base = number === null ? 'a version' : `version ${number}`;
  return name ? `${base} “${name}”` : base;
}

function functionName(value: unknown): string | null {
  return typeof value === 'string' && value in FUNCTION_LABELS ? FUNCTION_LABELS[value as IcpFunction] : null;
}

function roleName(value: unknown): string | null {
  return typeof value === 'string' && value in ROLE_LABELS ? ROLE_LABELS[value as Role].toLowerCase() : null;
}

const record = (value: unknown): Record<string, unknown> =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

/** "an editor for Sales, approver" from a recorded { role, function, approver }. */
function accessPhrase(data: Record<string, unknown>): string {
  const role = roleName(data.role) ?? 'member';
  const fn = functionName(data.function);
  const article = /^[aeiou]/.test(role) ? 'an' : 'a';
  return `${article} ${role}${fn ? ` for ${fn}` : ''}${data.approver === true ? ', approver' : ''}`;
}

/** What changed in a membership: "role editor → admin, now an approver". */
function accessChanges(before: Record<string, unknown>, after: Record<string, unknown>): string {
  const changes: string[] = [];
  if (before.role !== after.role) {
    changes.push(`role ${roleName(before.role) ?? '?'} → ${roleName(after.role) ?? '?'}`);
  }
  if (before.function !== after.function) {
    changes.push(
      `function ${functionName(before.function) ?? 'none'} → ${functionName(after.function) ?? 'none'}`,
    );
  }
  if (before.approver !== after.approver)
    changes.push(after.approver === true ? 'now an approver' : 'no longer an approver');
  return changes.join(', ') || 'no change';
}

/** "the blocking thread on Goals" from what a thread entry recorded. */
function threadPhrase(data: Record<string, unknown>): string {
  const anchor = record(data.anchor);
  const section = str(anchor.section);
  return section ? `a blocking thread on ${sectionTitle(section)}` : 'a blocking thread on the whole ICP';
}

function sectionTitle(key: string): string {
  return findSection(key)?.title ?? key;
}

/** One sentence per audit entry: "Ada Lovelace approved version 3 for Sales". */
export function describeAuditEntry(
  entry: Pick<AuditEntryDto, 'kind' | 'actor' | 'data'>,
): AuditEntryDescription {
  const { data } = entry;
  const automatic = entry.actor === null && (data.kind === 'auto' || entry.kind === 'version.created');
  const actor = entry.actor?.name.trim() || (automatic ? 'Bullseye' : 'Someone');
  const version = versionPhrase(data);
  switch (entry.kind) {
    case 'version.created': {
      const kind = str(data.kind);
      if (kind === 'auto') return { actor, action: `kept ${version} automatically`, quote: null };
      if (kind === 'restore') return { actor, action: `recorded ${version} after a restore`, quote: null };
      return { actor, action: `saved ${version}`, quote: str(data.note) };
    }
    case 'version.restored': {
      const from = num(data.restoredFrom) ?? num(data.versionNumber) ?? num(data.number);
      const after = num(data.afterVersionNumber) ?? num(data.newVersionNumber);
      const what = from === null ? 'a version' : `version ${from}`;
      return {
        actor,
        action: after === null ? `restored ${what}` : `restored ${what} (now version ${after})`,
        quote: null,
      };
    }
    case 'signoff.requested':
      return { actor, action: `requested sign-off on ${version}`, quote: str(data.note) };
    case 'signoff.recorded': {
      const fn = functionName(data.function);
      const forFn = fn ? ` for ${fn}` : '';
      if (data.decision === 'request_changes') {
        return { actor, action: `requested changes to ${version}${forFn}`, quote: str(data.reason) };
      }
      return { actor, action: `approved ${version}${forFn}`, quote: str(data.reason) };
    }
    case 'version.approved':
      return { actor, action: `approved ${version} as the ICP's approved version`, quote: str(data.note) };
    case 'thread.marked_blocking':
      return data.newThread === true
        ? { actor, action: `started ${threadPhrase(data)}`, quote: str(data.excerpt) }
        : {
            actor,
            action: `marked ${threadPhrase(data).replace('a blocking thread', 'a thread')} as blocking`,
            quote: str(data.excerpt),
          };
    case 'thread.unmarked_blocking':
      return {
        actor,
        action: `unmarked ${threadPhrase(data).replace('a blocking thread', 'a thread')} as blocking`,
        quote: str(data.excerpt),
      };
    case 'thread.resolved':
      return { actor, action: `resolved ${threadPhrase(data)}`, quote: str(data.excerpt) };
    case 'thread.reopened':
      return { actor, action: `reopened ${threadPhrase(data)}`, quote: str(data.excerpt) };
    case 'thread.deleted':
      return { actor, action: `deleted ${threadPhrase(data)}`, quote: str(data.excerpt) };
    case 'member.joined':
      return { actor, action: `joined the workspace as ${accessPhrase(data)} (invite link)`, quote: null };
    case 'member.updated':
      return {
        actor,
        action: `changed ${str(data.name) ?? 'a member'}'s access: ${accessChanges(record(data.before), record(data.after))}`,
        quote: null,
      };
    case 'member.removed':
      return {
        actor,
        action: `removed ${str(data.name) ?? 'a member'} (${accessPhrase(data).replace(/^an? /, '')}) from the workspace`,
        quote: null,
      };
    case 'invite.created':
      return { actor, action: `created an invite link for ${accessPhrase(data)}`, quote: null };
    case 'invite.revoked':
      return { actor, action: `revoked an invite link for ${accessPhrase(data)}`, quote: null };
    case 'dataset.imported': {
      const name = str(data.datasetName) ?? 'a dataset';
      const added = typeof data.added === 'number' ? data.added : 0;
      const updated = typeof data.updated === 'number' ? data.updated : 0;
      const counts = `${added.toLocaleString('en-US')} added, ${updated.toLocaleString('en-US')} updated`;
      return { actor, action: `imported "${name}" (${counts})`, quote: null };
    }
    case 'dataset.deleted': {
      const count = typeof data.accountCount === 'number' ? data.accountCount : 0;
      return {
        actor,
        action: `deleted the dataset "${str(data.datasetName) ?? ''}" (${count.toLocaleString('en-US')} accounts)`,
        quote: null,
      };
    }
    case 'workshop.started': {
      const steps = typeof data.steps === 'number' ? data.steps : 0;
      return { actor, action: `started a workshop (${steps} steps)`, quote: null };
    }
    case 'workshop.facilitator_changed':
      return {
        actor,
        action: `made ${str(data.toName) ?? 'someone'} the workshop's facilitator`,
        quote: null,
      };
    case 'workshop.promoted': {
      const notes = Array.isArray(data.notes) ? data.notes.length : 0;
      return {
        actor,
        action: `added ${notes} workshop ${notes === 1 ? 'note' : 'notes'} to the ICP`,
        quote: null,
      };
    }
    case 'coach.dismissed':
      return {
        actor,
        action: `dismissed a coach finding (${str(data.ruleId) ?? 'a rule'})`,
        quote: str(data.reason),
      };
    case 'coach.restored':
      return { actor, action: `restored a coach finding (${str(data.ruleId) ?? 'a rule'})`, quote: null };
    case 'workshop.ended':
      return { actor, action: `ended a workshop as "${str(data.versionName) ?? 'a version'}"`, quote: null };
    case 'icp.duplicated':
      return {
        actor,
        action: `created this ICP as a copy of "${str(data.fromTitle) ?? 'another ICP'}"${
          data.kind === 'negative' ? ' (a negative ICP)' : ''
        }`,
        quote: null,
      };
    case 'icp.kind_changed':
      return {
        actor,
        action:
          data.after === 'negative'
            ? 'made this a negative ICP (who we never sell to)'
            : 'made this an ordinary ICP again (no longer a negative ICP)',
        quote: null,
      };
    case 'icp.primary_changed':
      return {
        actor,
        action: data.primary === true ? 'marked this the primary ICP' : 'removed the primary mark',
        quote: null,
      };
    default:
      return { actor, action: String(entry.kind), quote: null };
  }
}
