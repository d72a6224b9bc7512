import { computed } from 'vue';
import { useI18n } from 'vue-i18n';
import { isAppLocale, setLocale, type AppLocale } from '@/i18n';

/** The current app language as a typed value, and a way to change it. */
export function useAppLocale() {
  const { locale } = useI18n();
  const current = computed<AppLocale>(() => (isAppLocale(locale.value) ? locale.value : 'en'));
  return {
    locale: current,
    setLocale,
    toggle: () => setLocale(current.value === 'zh-CN' ? 'en' : 'zh-CN'),
  };
}
