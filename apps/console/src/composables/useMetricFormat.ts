import type { MetricFigure } from '@baitong/contracts';
import { useI18n } from 'vue-i18n';
import { useFormat } from '@/composables/useFormat';
import {
  formatMetricValue,
  formatTarget,
  METRIC_UNITS,
  type MetricKey,
  type UnitWords,
} from '@/utils/metrics';

/** Names, values and targets of metrics in the current language; they follow a switch. */
export function useMetricFormat() {
  const { t } = useI18n();
  const fmt = useFormat();
  const words: UnitWords = (unit, n) => t(`metrics.units.${unit}`, { n });

  return {
    label: (key: MetricKey) => t(`metrics.keys.${key}`),
    /** The figure's value, or a dash when it has none. */
    value: (key: MetricKey, value: number | null) =>
      formatMetricValue(value, METRIC_UNITS[key], fmt.locale.value, words),
    target: (key: MetricKey) => formatTarget(key, fmt.locale.value, words),
    /** Why a value is missing, for the dash's tooltip. */
    reason: (figure: MetricFigure | undefined) =>
      figure?.value === null ? t(`metrics.reasons.${figure.reason ?? 'no_denominator'}`) : '',
    number: fmt.number,
  };
}
