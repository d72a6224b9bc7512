import { afterEach, beforeEach, vi } from 'vitest';
import { setLocale } from '@/i18n';

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
  setLocale('en');
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  document.body.innerHTML = '';
});
