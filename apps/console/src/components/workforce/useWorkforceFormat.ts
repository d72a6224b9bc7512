import type { WorkerCertificateLevel, WorkerEducation, WorkerGender } from '@baitong/contracts';
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
    /** 否, or the level held (助理社会工作师 …), or 是 when the level is not on record. */
    certified: (value: boolean, level?: WorkerCertificateLevel | null) =>
      value && level
        ? t(`workforce.certificateLevels.${level}`)
        : t(value ? 'workforce.certifiedYes' : 'workforce.certifiedNo'),
    certificateLevel: (level: WorkerCertificateLevel) => t(`workforce.certificateLevels.${level}`),
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
