import type { MetricFigure, MetricRowsPage, MetricSide } from '@baitong/contracts';
import type { Reader } from '../auth/scope';
import type { RequestMeta } from '../common/request-context';

// The seam between the metrics layer and the workforce roster (社区工作者): the metrics module asks
// for the five workforce figures through this port and never reads roster tables itself, so the
// roster can keep its personal data (pay, birth dates) behind its own reads and audit.

export const WORKFORCE_METRIC_KEYS = [
  'worker_attrition_rate',
  'worker_avg_pay_yuan',
  'worker_certified_share',
  'worker_bachelor_share',
  'worker_avg_age',
] as const;
export type WorkforceMetricKey = (typeof WORKFORCE_METRIC_KEYS)[number];

/** A Shanghai calendar period, both days included (YYYY-MM-DD). */
export interface WorkforcePeriod {
  from: string;
  to: string;
}

export interface WorkforceFiguresPort {
  /** The five figures for each of the communities (every id present in the result). */
  figures(
    communityIds: readonly string[],
    period: WorkforcePeriod,
  ): Promise<Map<string, Record<WorkforceMetricKey, MetricFigure>>>;
  /**
   * The roster rows behind one side of one figure; `total` equals that side exactly. A reader who
   * may not see pay and birth dates (or none given) gets masked names and no pay or age amounts;
   * for one who may, a page with pay or age amounts is audited with the request's `meta`.
   */
  rows(
    communityId: string,
    key: WorkforceMetricKey,
    side: MetricSide,
    period: WorkforcePeriod,
    page: { page: number; pageSize: number },
    reader?: Reader,
    meta?: RequestMeta,
  ): Promise<MetricRowsPage>;
}

/** Nest injection token of the {@link WorkforceFiguresPort}. */
export const WORKFORCE_FIGURES = Symbol('WORKFORCE_FIGURES');
