/** The link schemes Bullseye renders and exports as links: web and mail, nothing else. */
export const SAFE_LINK_PROTOCOLS = ['http:', 'https:', 'mailto:'] as const;

/**
 * The one rule for link targets, used by the editor's link extension, the read-only version view
 * and the Markdown export: an absolute `http:`, `https:` or `mailto:` URL, returned normalised by
 * the WHATWG URL parser (the same parser browsers use, so `java\tscript:`, ` JaVaScRiPt:` and
 * `&#106;avascript:` are read exactly as a browser would read them, and `<`, `>`, `"`, spaces
 * and quotes come back percent-encoded); anything else (`javascript:`, `data:`, `vbscript:`,
 * relative or protocol-relative targets, non-strings) is null and must be shown as plain text.
 */
export function safeHref(href: unknown): string | null {
  if (typeof href !== 'string' || href.length > 2048) return null;
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  if (!(SAFE_LINK_PROTOCOLS as readonly string[]).includes(url.protocol)) return null;
  if (url.protocol !== 'mailto:' && !url.hostname) return null;
  return url.href;
}
