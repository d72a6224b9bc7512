import type { WorkerEducation, WorkerGender } from '@baitong/contracts';
import { useI18n } from 'vue-i18n';
import { useFormat } from '@/composables/useFormat';
import { intlLocale } from '@/utils/format';

/** The roster's words and figures in the current language: degrees, genders, pay, dates. */
export function useWorkforceFormat() {
  const { t } = useI18n();
  const fmt = useFormat();
  return {
    ...fmt,
    education: (value: WorkerEducation) => t(`workforce.education.${value}`),
    gender: (value: WorkerGender | null | undefined) => t(`workforce.gender.${value ?? 'none'}`),
    certified: (value: boolean) => t(value ? 'workforce.certifiedYes' : 'workforce.certifiedNo'),
    /** Yuan per month as money in the locale's digits (¥8,500.00). */
    pay: (yuan: number) =>
      new Intl.NumberFormat(intlLocale(fmt.locale.value), {
        style: 'currency',
        currency: 'CNY',
        // "¥", not the "CN¥" English would write: the roster is always in yuan.
        currencyDisplay: 'narrowSymbol',
      }).format(yuan),
    /** A calendar day, or a dash when there is none. */
    day: (ymd: string | null | undefined) => (ymd ? fmt.localDate(ymd) : '—'),
  };
}
