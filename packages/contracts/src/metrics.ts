// Service metrics per community, derived from the records (issue 11). The keys are the rating
// engine's `METRIC_KEYS`; the contracts stay free of the engine, so a key is a plain string here
// and the engine's `MetricKey` narrows it where it is imported.

/** How a value is expressed: fractions lie in 0..1, never percentages. */
export type MetricValueUnit = 'fraction' | 'count' | 'yuan_per_month' | 'years';

/** Why a value is null: nothing to divide by, or no source for it yet. */
export type MetricNullReason = 'no_denominator' | 'no_roster';

export interface MetricFigure {
  /** numerator ÷ denominator for rates, the count or mean otherwise; null with a reason. */
  value: number | null;
  numerator: number;
  denominator: number;
  unit: MetricValueUnit;
  reason?: MetricNullReason;
}

/** Query of every metrics read: Shanghai calendar days, both included, at most 3 years. */
export interface MetricPeriodQuery {
  from: string;
  to: string;
}

/** `GET /api/metrics/communities/{communityId}` */
export interface CommunityMetrics {
  communityId: string;
  from: string;
  to: string;
  metrics: Record<string, MetricFigure>;
}

/** One community of the district table (`GET /api/metrics/communities`). */
export interface DistrictMetricsRow extends CommunityMetrics {
  communityName: string;
  communityNameEn: string;
  streetId: string;
  streetName: string;
  streetNameEn: string;
}

export interface DistrictMetrics {
  from: string;
  to: string;
  items: DistrictMetricsRow[];
  /**
   * The communities in `items` taken together: each metric's numerators summed over its
   * denominators summed (a count: the counts summed), so a district figure weighs every
   * community by its size, as the bureau reads BRIEF's before/after table.
   */
  total: { metrics: Record<string, MetricFigure> };
}

export type MetricSide = 'numerator' | 'denominator';

/** What a row behind a figure is, so a client can link to it. */
export type MetricRowKind =
  | 'case'
  | 'follow_up_task'
  | 'follow_up_attempt'
  | 'participation'
  | 'resident'
  | 'proposal'
  | 'roster_entry'
  /** A figure of the community's register as of the period's end (registered residents). */
  | 'community_fact';

/** One row behind a figure (`GET …/{metricKey}/rows`). */
export interface MetricRow {
  kind: MetricRowKind;
  id: string;
  /** The instant that put the row in the period (ISO 8601). */
  at: string;
  /** A short human label: a case number and title, a resident's masked name, a proposal title. */
  label: string;
  /** The API path of the record, e.g. `/api/cases/{id}`. */
  href: string;
  /** The console path of the record, when it has a page there. */
  consolePath?: string;
  /** For weighted figures (pay, age): what this row adds to the numerator. */
  amount?: number;
  /** Extra facts that explain why the row counts (status, rating level …). */
  detail?: Record<string, string | number | boolean | null>;
}

export interface MetricRowsPage {
  items: MetricRow[];
  total: number;
}

export type MetricInterval = 'month' | 'week';

/** `GET /api/metrics/communities/{communityId}/series` */
export interface MetricSeries {
  communityId: string;
  metric: string;
  interval: MetricInterval;
  from: string;
  to: string;
  points: Array<{ from: string; to: string } & MetricFigure>;
}

/** The seed's targets (BRIEF), where one exists, for the console's colouring. */
export interface MetricTarget {
  /** The value at or beyond which a figure is on target. */
  value: number;
  /** Whether more is better. */
  higherIsBetter: boolean;
}
