import { computed } from 'vue';
import { useI18n } from 'vue-i18n';
import { isAppLocale, type AppLocale } from '@/i18n';
import {
  formatClock,
  formatDateTime,
  formatInstantDate,
  formatLocalDate,
  formatNumber,
  formatWeekday,
} from '@/utils/format';

/** Formatters bound to the current language; they follow a language switch. */
export function useFormat() {
  const { locale } = useI18n();
  const current = computed<AppLocale>(() => (isAppLocale(locale.value) ? locale.value : 'zh-CN'));
  return {
    locale: current,
    dateTime: (value: string | Date) => formatDateTime(value, current.value),
    instantDate: (value: string | Date) => formatInstantDate(value, current.value),
    localDate: (ymd: string, withWeekday = false) =>
      formatLocalDate(ymd, current.value, withWeekday),
    clock: (value: string | Date) => formatClock(value, current.value),
    weekday: (value: string | Date) => formatWeekday(value, current.value),
    number: (value: number) => formatNumber(value, current.value),
  };
}
