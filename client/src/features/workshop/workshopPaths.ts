/** The projector view of an ICP's running workshop. */
export function projectorPath(icpId: string): string {
  return `/icp/${encodeURIComponent(icpId)}/workshop/projector`;
}

/** The summary page of an ended workshop. */
export function summaryPath(icpId: string, workshopId: string): string {
  return `/icp/${encodeURIComponent(icpId)}/workshops/${encodeURIComponent(workshopId)}`;
}
