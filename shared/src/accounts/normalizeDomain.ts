/** One hostname label: letters (any script), digits and inner hyphens, at most 63 characters. */
const LABEL = /^[\p{L}\p{M}\p{N}](?:[\p{L}\p{M}\p{N}-]{0,61}[\p{L}\p{M}\p{N}])?$/u;

/**
 * Reduces a website, URL, domain or email cell to the bare lowercase domain accounts are matched
 * on: `https://www.Acme.com/about?x` → `acme.com`, `jane@acme.co.uk` → `acme.co.uk`. Drops the
 * scheme, user, `www.`, port, path and trailing dot; keeps non-ASCII (IDN) letters as written.
 * Returns null when what remains is not a plausible hostname.
 */
export function normalizeDomain(cell: string): string | null {
  let s = cell.trim().toLowerCase();
  s = s.replace(/^mailto:/, '');
  s = s.replace(/^[a-z][a-z0-9+.-]*:\/\//, '').replace(/^\/\//, '');
  s = s.split(/[/?#\\]/, 1)[0]!;
  s = s.slice(s.lastIndexOf('@') + 1);
  s = s.replace(/:\d*$/, '').replace(/\.$/, '');
  if (/^www\d*\./.test(s) && s.indexOf('.') !== s.lastIndexOf('.')) s = s.replace(/^www\d*\./, '');

  if (s.length === 0 || s.length > 253) return null;
  const labels = s.split('.');
  if (labels.length < 2 || !labels.every((label) => LABEL.test(label))) return null;
  // A final label of digits only is an IP address or a number, not a domain.
  if (/^\d+$/.test(labels[labels.length - 1]!)) return null;
  return s;
}
