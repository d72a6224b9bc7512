import { Locale } from 'vant';
import vantEnUS from 'vant/es/locale/lang/en-US';
import vantZhCN from 'vant/es/locale/lang/zh-CN';
import { createI18n } from 'vue-i18n';
import en from '@/locales/en.json';
import zhCN from '@/locales/zh-CN.json';

export const APP_LOCALES = ['zh-CN', 'en'] as const;
export type AppLocale = (typeof APP_LOCALES)[number];

const STORAGE_KEY = 'baitong.resident.locale';

export function isAppLocale(value: unknown): value is AppLocale {
  return typeof value === 'string' && (APP_LOCALES as readonly string[]).includes(value);
}

/** The saved choice, else the browser's first language: Chinese → zh-CN, anything else → en. */
export function detectLocale(): AppLocale {
  let saved: string | null = null;
  try {
    saved = localStorage.getItem(STORAGE_KEY);
  } catch {
    // Storage can be blocked (private mode, strict settings); fall back to the browser.
  }
  if (isAppLocale(saved)) return saved;
  const preferred = typeof navigator === 'undefined' ? '' : (navigator.language ?? '');
  return preferred.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

export const i18n = createI18n({
  legacy: false,
  locale: detectLocale(),
  fallbackLocale: 'en',
  messages: { 'zh-CN': zhCN, en },
});

function applyToPage(locale: AppLocale): void {
  Locale.use(locale === 'zh-CN' ? 'zh-CN' : 'en-US', locale === 'zh-CN' ? vantZhCN : vantEnUS);
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
}

export function currentLocale(): AppLocale {
  const value = i18n.global.locale.value;
  return isAppLocale(value) ? value : 'en';
}

/** Switches the app, Vant's built-in texts and the page language, and remembers the choice. */
export function setLocale(locale: AppLocale): void {
  i18n.global.locale.value = locale;
  applyToPage(locale);
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Not remembered across visits, but the switch still applies now.
  }
}

applyToPage(currentLocale());
