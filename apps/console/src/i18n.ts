import { createI18n } from 'vue-i18n';
import en from '@/locales/en.json';
import zhCN from '@/locales/zh-CN.json';

export const LOCALES = ['zh-CN', 'en'] as const;
export type AppLocale = (typeof LOCALES)[number];

export const LOCALE_STORAGE_KEY = 'baitong.console.locale';

export function isAppLocale(value: unknown): value is AppLocale {
  return value === 'zh-CN' || value === 'en';
}

/** Saved choice first, then the browser's language: any Chinese variant → zh-CN, else English. */
export function detectLocale(): AppLocale {
  const saved = localStorage.getItem(LOCALE_STORAGE_KEY);
  if (isAppLocale(saved)) return saved;
  const preferred = navigator.languages?.[0] ?? navigator.language ?? '';
  return preferred.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

export const i18n = createI18n({
  legacy: false,
  locale: detectLocale(),
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zhCN, en },
  missingWarn: false,
  fallbackWarn: false,
});

export function currentLocale(): AppLocale {
  const value = i18n.global.locale.value;
  return isAppLocale(value) ? value : 'zh-CN';
}
