import type {
  DistrictMetricsRow,
  MetricFigure,
  MetricTarget,
  MetricValueUnit,
} from '@baitong/contracts';
import { METRIC_KEYS, METRIC_UNITS, type MetricKey } from '@baitong/rating-engine';
import type { AppLocale } from '@/i18n';
import { addDays, isDateKey, type OverviewPeriod } from '@/utils/follow-up-overview';
import { intlLocale, shanghaiDateKey } from '@/utils/format';

export { METRIC_KEYS, METRIC_UNITS, type MetricKey };

export const isMetricKey = (value: unknown): value is MetricKey =>
  typeof value === 'string' && (METRIC_KEYS as readonly string[]).includes(value);

/**
 * The seed's "after" figures (BRIEF, 改革前后对比) as targets: a figure at or beyond its target is
 * on target. Metrics the seed gives no after-figure for have none, and are never coloured.
 */
export const METRIC_TARGETS: Readonly<Partial<Record<MetricKey, MetricTarget>>> = {
  repeat_handling_rate: { value: 0.001, higherIsBetter: false },
  participation_rate: { value: 0.8, higherIsBetter: true },
  mediation_rate: { value: 0.98, higherIsBetter: true },
  satisfaction_rate: { value: 0.995, higherIsBetter: true },
  worker_attrition_rate: { value: 0.003, higherIsBetter: false },
  worker_avg_pay_yuan: { value: 5200, higherIsBetter: true },
  worker_certified_share: { value: 0.788, higherIsBetter: true },
  worker_bachelor_share: { value: 0.6488, higherIsBetter: true },
  worker_avg_age: { value: 32, higherIsBetter: false },
};

/** How a figure stands against its target; `none` without a target or without a value. */
export type TargetStatus = 'met' | 'missed' | 'none';

export function targetStatus(key: MetricKey, value: number | null): TargetStatus {
  const target = METRIC_TARGETS[key];
  if (!target || value === null) return 'none';
  const met = target.higherIsBetter ? value >= target.value : value <= target.value;
  return met ? 'met' : 'missed';
}

/** The words a unit's value is set in; the caller's i18n fills them (see `metrics.units`). */
export type UnitWords = (unit: 'yuan' | 'years', formatted: string) => string;

/**
 * A value in the locale's number format: fractions as percentages, pay in yuan, ages in years,
 * counts as whole numbers; null as a dash (the caller says why). Shares near 0 or 1 get a
 * second decimal, so 99.46 % (below the 99.5 % target) never reads as "99.5 %".
 */
export function formatMetricValue(
  value: number | null,
  unit: MetricValueUnit,
  locale: AppLocale,
  words: UnitWords,
  exact = false,
): string {
  if (value === null) return '—';
  const lang = intlLocale(locale);
  switch (unit) {
    case 'fraction': {
      const fine = exact || (value !== 0 && value !== 1 && (value < 0.01 || value > 0.99));
      return new Intl.NumberFormat(lang, {
        style: 'percent',
        maximumFractionDigits: fine ? 2 : 1,
      }).format(value);
    }
    case 'yuan_per_month':
      return words('yuan', new Intl.NumberFormat(lang, { maximumFractionDigits: 0 }).format(value));
    case 'years':
      return words(
        'years',
        new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(value),
      );
    case 'count':
      return new Intl.NumberFormat(lang, { maximumFractionDigits: 0 }).format(value);
  }
}

/** A target as "≥ 80 %" / "≤ 0.1 %", in the unit of its metric. */
export function formatTarget(key: MetricKey, locale: AppLocale, words: UnitWords): string | null {
  const target = METRIC_TARGETS[key];
  if (!target) return null;
  // A target is shown as the seed states it: 64.88 %, not 64.9 %.
  const text = formatMetricValue(target.value, METRIC_UNITS[key], locale, words, true);
  // A no-break space: a narrow header never leaves "≤" alone at the end of a line.
  return `${target.higherIsBetter ? '≥' : '≤'}\u00a0${text}`;
}

// Sorting the district table

export type MetricSortKey = MetricKey | 'community' | 'street';
export type SortOrder = 'ascending' | 'descending';

export const isMetricSortKey = (value: unknown): value is MetricSortKey =>
  value === 'community' || value === 'street' || isMetricKey(value);

export const figureValue = (row: { metrics: Record<string, MetricFigure> }, key: MetricKey) =>
  row.metrics[key]?.value ?? null;

/**
 * The rows in the order asked for. A row without the figure (nothing to divide by, no roster)
 * goes last in either order: it is not the best nor the worst, it is unknown. Equal figures keep
 * the order of the names.
 */
export function sortMetricRows<R extends DistrictMetricsRow>(
  rows: readonly R[],
  key: MetricSortKey,
  order: SortOrder,
  nameOf: (row: R) => string,
  streetOf: (row: R) => string = (r) => r.streetName,
): R[] {
  const sign = order === 'ascending' ? 1 : -1;
  const byName = (a: R, b: R) => nameOf(a).localeCompare(nameOf(b), 'zh-CN');
  return [...rows].sort((a, b) => {
    if (key === 'community') return sign * byName(a, b);
    if (key === 'street')
      return sign * streetOf(a).localeCompare(streetOf(b), 'zh-CN') || byName(a, b);
    const x = figureValue(a, key);
    const y = figureValue(b, key);
    if (x === null || y === null) return x === y ? byName(a, b) : x === null ? 1 : -1;
    return x === y ? byName(a, b) : sign * (x - y);
  });
}

// Periods: Shanghai calendar days, both included, as the metrics API reads them

export interface MetricDays {
  from: string;
  to: string;
}

/** Metrics are a year's business: the year so far unless another period is chosen. */
export const DEFAULT_METRIC_PERIOD: OverviewPeriod = 'year';

export function metricDays(
  period: OverviewPeriod,
  now: Date,
  custom: { from?: string; to?: string } = {},
): MetricDays {
  const today = shanghaiDateKey(now);
  switch (period) {
    case '30d':
      return { from: addDays(today, -29), to: today };
    case 'year':
      return { from: `${today.slice(0, 4)}-01-01`, to: today };
    case '12m':
      return { from: addDays(today, -364), to: today };
    case 'custom': {
      const from = isDateKey(custom.from) ? custom.from : addDays(today, -29);
      const to = isDateKey(custom.to) && custom.to >= from ? custom.to : today;
      return { from, to };
    }
  }
}

// Export of the table as shown

export type ExportCell = string | number | null;

export interface ExportColumn {
  header: string;
  /** The cell format of the column: a percentage, a whole number, one decimal, or text. */
  format: 'percent' | 'integer' | 'decimal' | 'text';
}

/** The district table as shown (rows in their order), as plain cells: values, not their text. */
export function exportTable<R extends DistrictMetricsRow>(
  rows: readonly R[],
  labels: { community: string; street: string; metric: (key: MetricKey) => string },
  nameOf: (row: R) => string,
  streetOf: (row: R) => string,
): { columns: ExportColumn[]; rows: ExportCell[][] } {
  const formatOf = (unit: MetricValueUnit): ExportColumn['format'] =>
    unit === 'fraction' ? 'percent' : unit === 'years' ? 'decimal' : 'integer';
  return {
    columns: [
      { header: labels.community, format: 'text' },
      { header: labels.street, format: 'text' },
      ...METRIC_KEYS.map((k) => ({ header: labels.metric(k), format: formatOf(METRIC_UNITS[k]) })),
    ],
    rows: rows.map((r) => [nameOf(r), streetOf(r), ...METRIC_KEYS.map((k) => figureValue(r, k))]),
  };
}
