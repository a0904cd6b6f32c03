/** `/icp/:id/compare-icp/:otherId`: two ICPs side by side (`/icp/:id/compare` compares versions). */
export function icpComparePath(id: string, otherId: string, datasetId?: string | null): string {
  const path = `/icp/${encodeURIComponent(id)}/compare-icp/${encodeURIComponent(otherId)}`;
  return datasetId ? `${path}?${new URLSearchParams({ datasetId }).toString()}` : path;
}
