import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import en from 'element-plus/es/locale/lang/en';
import zhCn from 'element-plus/es/locale/lang/zh-cn';
import { i18n, currentLocale, LOCALE_STORAGE_KEY, type AppLocale } from '@/i18n';

export const useLocaleStore = defineStore('locale', () => {
  const locale = ref<AppLocale>(currentLocale());

  const elementLocale = computed(() => (locale.value === 'en' ? en : zhCn));

  function setLocale(next: AppLocale) {
    locale.value = next;
    i18n.global.locale.value = next;
    localStorage.setItem(LOCALE_STORAGE_KEY, next);
    document.documentElement.lang = next;
  }

  function toggle() {
    setLocale(locale.value === 'zh-CN' ? 'en' : 'zh-CN');
  }

  return { locale, elementLocale, setLocale, toggle };
});
