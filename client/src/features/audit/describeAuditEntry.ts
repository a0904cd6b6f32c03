import { FUNCTION_LABELS, type AuditEntryDto, type IcpFunction } from '@bullseye/shared';

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
    default:
      return { actor, action: String(entry.kind), quote: null };
  }
}
