import { shortHash } from '../../ui/shortHash.js';

/**
 * What a printed ICP says it is, above the title and in the footer of every page: a draft (not
 * approved, printed when, compared with which version) or a version (approved or not, its date and
 * hash). Paper outlives the screen it came from, so it must say which ICP it is without one.
 */
export interface PrintLabel {
  /** The words that matter most: "Draft, not approved", "Approved version 3". */
  headline: string;
  /** The rest, in order: dates, the version compared with, the hash. */
  details: string[];
  /** The tone of the header: a draft is amber, an approved version green, another version grey. */
  tone: 'draft' | 'approved' | 'version';
}

/** How the live draft compares with the approved version (the editor's review state). */
export type DraftComparison = 'none' | 'checking' | 'same' | 'changed' | 'error';

export interface DraftPrint {
  /** The ICP's approved version, if any. */
  approved: { number: number; hash: string } | null;
  comparison: DraftComparison;
  /** When it is printed, already formatted for the reader. */
  printedAt: string;
}

/**
 * The live draft on paper: always "Draft, not approved" unless it is word for word the approved
 * version, with the date it was printed and the version it differs from.
 */
export function draftPrintLabel({ approved, comparison, printedAt }: DraftPrint): PrintLabel {
  const printed = `printed ${printedAt}`;
  if (!approved || comparison === 'none') {
    return { headline: 'Draft, not approved', details: [printed, 'no approved version yet'], tone: 'draft' };
  }
  if (comparison === 'same') {
    return {
      headline: `Draft, same as approved version ${approved.number}`,
      details: [printed, shortHash(approved.hash)],
      tone: 'draft',
    };
  }
  const since =
    comparison === 'changed'
      ? `changed since version ${approved.number} (approved)`
      : `may differ from version ${approved.number} (approved)`;
  return { headline: 'Draft, not approved', details: [printed, since], tone: 'draft' };
}

export interface VersionPrint {
  number: number;
  /** The version's own name ("Q1 2027 workshop", "Automatic"). */
  name: string;
  hash: string;
  /** When the version was kept, formatted. */
  savedAt: string;
  /** When it was approved, formatted, if it is the ICP's approved version. */
  approvedAt: string | null;
  /** It is the version currently under review. */
  inReview: boolean;
}

/** A kept version on paper: "Approved version 3 · <date> · <short hash>", else plainly not approved. */
export function versionPrintLabel(version: VersionPrint): PrintLabel {
  const hash = shortHash(version.hash);
  if (version.approvedAt !== null) {
    return {
      headline: `Approved version ${version.number}`,
      details: [version.approvedAt, hash],
      tone: 'approved',
    };
  }
  return {
    headline: `Version ${version.number}, ${version.inReview ? 'in review, not approved' : 'not approved'}`,
    details: [version.name, `saved ${version.savedAt}`, hash],
    tone: 'version',
  };
}

/** The label as one line: "Draft, not approved · printed 3 Mar 2027, 14:05 · …". */
export function printLabelText(label: PrintLabel): string {
  return [label.headline, ...label.details].join(' · ');
}

/**
 * A CSS string literal holding `text` (for `content:` in a page-margin box): quotes, backslashes
 * and line breaks escaped, other control characters dropped.
 */
export function cssString(text: string): string {
  const escaped = text
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/[\n\r]/g, ' ');
  return `"${escaped}"`;
}
