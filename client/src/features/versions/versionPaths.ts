/** Addresses of the version screens of an ICP. */

const icpPath = (icpId: string) => `/icp/${encodeURIComponent(icpId)}`;

/** The read-only view of one version. */
export function versionPath(icpId: string, versionId: string, options: { print?: boolean } = {}): string {
  return `${icpPath(icpId)}/versions/${encodeURIComponent(versionId)}${options.print ? '?print=1' : ''}`;
}

/** The comparison of two versions, or of a version and the live draft. */
export function comparePath(icpId: string, from: string, to: string | 'draft'): string {
  return `${icpPath(icpId)}/compare?${new URLSearchParams({ from, to }).toString()}`;
}

/** The live editor, optionally with its panel open on a tab. */
export function editorPath(icpId: string, panel?: 'review' | 'history'): string {
  return panel ? `${icpPath(icpId)}?panel=${panel}` : icpPath(icpId);
}
