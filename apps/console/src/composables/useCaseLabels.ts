import type { CaseSummary, Category } from '@baitong/contracts';
import { useI18n } from 'vue-i18n';

/** Names of the case vocabulary (statuses, kinds, channels, actions …) in the current language. */
export function useCaseLabels() {
  const { t, te, locale } = useI18n();
  const label = (prefix: string, value: string | null | undefined) => {
    if (!value) return '';
    const key = `${prefix}.${value}`;
    return te(key) ? t(key) : value;
  };
  const english = () => locale.value === 'en';
  return {
    status: (value: string | null | undefined) => label('case.status', value),
    kind: (value: string | null | undefined) => label('case.kind', value),
    channel: (value: string | null | undefined) => label('case.channel', value),
    action: (value: string | null | undefined) => label('case.action', value),
    outcome: (value: string | null | undefined) => label('mediation.outcome', value),
    thirdParty: (value: string | null | undefined) => label('case.thirdParty', value),
    repeatReason: (value: string | null | undefined) => label('repeat.reason', value),
    role: (value: string | null | undefined) => label('roles', value),
    /** The category of a case, in English when the English name is known. */
    caseCategory: (c: Pick<CaseSummary, 'categoryName' | 'categoryNameEn'>) =>
      english() && c.categoryNameEn ? c.categoryNameEn : c.categoryName,
    category: (c: Pick<Category, 'nameZh' | 'nameEn'>) =>
      english() && c.nameEn ? c.nameEn : c.nameZh,
    english,
  };
}
