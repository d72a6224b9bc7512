import { computed } from 'vue';
import { useRoute, useRouter, type LocationQueryRaw } from 'vue-router';
import { isDateKey, isOverviewPeriod, type OverviewPeriod } from '@/utils/follow-up-overview';
import { DEFAULT_METRIC_PERIOD, metricDays } from '@/utils/metrics';

/**
 * The period of the metrics pages, kept in the address (`period`, `from`, `to`): a reload or a
 * shared link shows the same figures, and the links from the table to a community and on to its
 * rows carry it along, so the rows always add up to the figure that was clicked.
 */
export function useMetricPeriod() {
  const route = useRoute();
  const router = useRouter();

  const queryText = (key: string) => {
    const value = route.query[key];
    return typeof value === 'string' && value ? value : undefined;
  };
  function setQuery(patch: LocationQueryRaw) {
    void router.replace({ query: { ...route.query, ...patch } });
  }

  const period = computed<OverviewPeriod>(() => {
    const value = queryText('period');
    return isOverviewPeriod(value) ? value : DEFAULT_METRIC_PERIOD;
  });
  const customFrom = computed(() => {
    const value = queryText('from');
    return isDateKey(value) ? value : undefined;
  });
  const customTo = computed(() => {
    const value = queryText('to');
    return isDateKey(value) ? value : undefined;
  });
  const days = computed(() =>
    metricDays(period.value, new Date(), { from: customFrom.value, to: customTo.value }),
  );

  function changePeriod(value: { period: OverviewPeriod; from?: string; to?: string }) {
    setQuery({
      period: value.period === DEFAULT_METRIC_PERIOD ? undefined : value.period,
      from: value.period === 'custom' ? value.from : undefined,
      to: value.period === 'custom' ? value.to : undefined,
      page: undefined,
    });
  }

  /** The period part of the address, for links to the other metrics pages. */
  const periodQuery = computed<Record<string, string>>(() => {
    const q: Record<string, string> = {};
    if (period.value !== DEFAULT_METRIC_PERIOD) q['period'] = period.value;
    if (period.value === 'custom') {
      q['from'] = days.value.from;
      q['to'] = days.value.to;
    }
    return q;
  });

  return { period, customFrom, customTo, days, changePeriod, periodQuery, queryText, setQuery };
}
