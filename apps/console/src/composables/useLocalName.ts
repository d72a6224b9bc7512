import { computed } from 'vue';
import { useI18n } from 'vue-i18n';
import { isAppLocale, type AppLocale } from '@/i18n';
import { localAddress, localName, localText, type Named } from '@/utils/names';

/** Names of organisation units in the current language; they follow a language switch. */
export function useLocalName() {
  const { locale } = useI18n();
  const current = computed<AppLocale>(() => (isAppLocale(locale.value) ? locale.value : 'zh-CN'));
  return {
    /** `{ name, nameEn }` of a street, community, compound or desk. */
    name: (unit: Named | null | undefined) => localName(unit, current.value),
    /** A name carried as two fields, e.g. a case's `deskName` and `deskNameEn`. */
    text: (zh: string | null | undefined, en: string | null | undefined) =>
      localText(zh, en, current.value),
    address: (unit: { address: string; addressEn?: string | null } | null | undefined) =>
      localAddress(unit, current.value),
  };
}
