/**
 * Metric keys the API derives per community and period. Rates are fractions in 0..1
 * (a satisfaction of 99.5% is `0.995`), never percentages.
 */
export const METRIC_KEYS = [
  'repeat_handling_rate',
  'satisfaction_rate',
  'followup_coverage',
  'followup_timeliness',
  'mediation_rate',
  'participation_rate',
  'sla_accept_compliance',
  'sla_resolve_compliance',
  'first_contact_resolution',
  'evening_service_share',
  'app_registration_rate',
  'app_active_rate',
  'proposals_adopted',
  'proposals_completed',
  'worker_attrition_rate',
  'worker_avg_pay_yuan',
  'worker_certified_share',
  'worker_bachelor_share',
  'worker_avg_age',
] as const;

/** One of {@link METRIC_KEYS}. */
export type MetricKey = (typeof METRIC_KEYS)[number];

/** How a metric's value is expressed; input validation checks the range that follows from it. */
export type MetricUnit = 'fraction' | 'count' | 'yuan_per_month' | 'years';

/** The unit of every metric: fractions lie in 0..1, counts are whole numbers, ages in 0..120. */
export const METRIC_UNITS: Readonly<Record<MetricKey, MetricUnit>> = {
  repeat_handling_rate: 'fraction',
  satisfaction_rate: 'fraction',
  followup_coverage: 'fraction',
  followup_timeliness: 'fraction',
  mediation_rate: 'fraction',
  participation_rate: 'fraction',
  sla_accept_compliance: 'fraction',
  sla_resolve_compliance: 'fraction',
  first_contact_resolution: 'fraction',
  evening_service_share: 'fraction',
  app_registration_rate: 'fraction',
  app_active_rate: 'fraction',
  proposals_adopted: 'count',
  proposals_completed: 'count',
  worker_attrition_rate: 'fraction',
  worker_avg_pay_yuan: 'yuan_per_month',
  worker_certified_share: 'fraction',
  worker_bachelor_share: 'fraction',
  worker_avg_age: 'years',
};

const METRIC_KEY_SET: ReadonlySet<string> = new Set(METRIC_KEYS);

/** Whether a string is one of {@link METRIC_KEYS}. */
export function isMetricKey(value: string): value is MetricKey {
  return METRIC_KEY_SET.has(value);
}

// The reason a metric value is out of range for its unit, or null when it is acceptable.
export function metricRangeProblem(key: MetricKey, value: number): string | null {
  switch (METRIC_UNITS[key]) {
    case 'fraction':
      return value >= 0 && value <= 1 ? null : 'must be a fraction between 0 and 1';
    case 'count':
      return Number.isInteger(value) && value >= 0 ? null : 'must be a whole number, 0 or more';
    case 'yuan_per_month':
      return value >= 0 ? null : 'must be 0 or more';
    case 'years':
      return value >= 0 && value <= 120 ? null : 'must be an age between 0 and 120';
  }
}
