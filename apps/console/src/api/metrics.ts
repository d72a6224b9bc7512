import type {
  CommunityMetrics,
  DistrictMetrics,
  MetricInterval,
  MetricRowsPage,
  MetricSeries,
  MetricSide,
} from '@baitong/contracts';
import { request, type CallOptions } from '@/api/request';
import type { MetricDays } from '@/utils/metrics';

const community = (id: string) => `/metrics/communities/${encodeURIComponent(id)}`;

/** Every metric of every community in the caller's scope (the district table). */
export const getDistrictMetrics = (
  query: MetricDays & { streetId?: string },
  options: CallOptions = {},
) => request<DistrictMetrics>('/metrics/communities', { ...options, query: { ...query } });

/** Every metric of one community in a period of Shanghai days. */
export const getCommunityMetrics = (id: string, days: MetricDays, options: CallOptions = {}) =>
  request<CommunityMetrics>(community(id), { ...options, query: { ...days } });

/** One metric per month (or ISO week) of the period. */
export const getMetricSeries = (
  id: string,
  query: MetricDays & { metric: string; interval: MetricInterval },
  options: CallOptions = {},
) => request<MetricSeries>(`${community(id)}/series`, { ...options, query: { ...query } });

/** The rows behind one side of one figure; `total` equals that side. */
export const getMetricRows = (
  id: string,
  metric: string,
  query: MetricDays & { side: MetricSide; page: number; pageSize: number },
  options: CallOptions = {},
) =>
  request<MetricRowsPage>(`${community(id)}/${encodeURIComponent(metric)}/rows`, {
    ...options,
    query: { ...query },
  });
