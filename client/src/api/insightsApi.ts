import type {
  CoverageBody,
  CoverageDto,
  DatasetDto,
  DatasetListDto,
  InsightsBody,
  InsightsDto,
} from '@bullseye/shared';
import { request } from './request.js';

const datasetBase = (datasetId: string) => `/datasets/${encodeURIComponent(datasetId)}`;

/**
 * What the ICP editor asks of a workspace's customer data: the datasets to pick from, the insights
 * (what sets the best customers apart) and the coverage of the draft's criteria.
 */
export const insightsApi = {
  /** The workspace's datasets, newest first. */
  listDatasets: (workspaceId: string): Promise<DatasetDto[]> =>
    request<DatasetListDto>('GET', `/workspaces/${encodeURIComponent(workspaceId)}/datasets`).then(
      (r) => r.datasets,
    ),
  getInsights: (datasetId: string, body: InsightsBody) =>
    request<InsightsDto>('POST', `${datasetBase(datasetId)}/insights`, body),
  getCoverage: (datasetId: string, body: CoverageBody) =>
    request<CoverageDto>('POST', `${datasetBase(datasetId)}/coverage`, body),
};
