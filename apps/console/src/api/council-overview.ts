import type { CouncilOverview, CouncilOverviewQuery } from '@baitong/contracts';
import { request, type CallOptions } from '@/api/request';

/** Council activity per community of the caller's scope in a period, with street and overall totals. */
export const getCouncilOverview = (query: CouncilOverviewQuery, options: CallOptions = {}) =>
  request<CouncilOverview>('/council-overview', { ...options, query: { ...query } });
