import { ElMessage } from 'element-plus';
import { afterEach, beforeEach, vi } from 'vitest';
import { i18n } from '@/i18n';

// async-validator warns on every failed rule outside production; the tests assert on the UI.
(globalThis as { ASYNC_VALIDATOR_NO_WARNING?: boolean }).ASYNC_VALIDATOR_NO_WARNING = true;

beforeEach(() => {
  localStorage.clear();
  i18n.global.locale.value = 'zh-CN';
});

afterEach(() => {
  ElMessage.closeAll();
  vi.unstubAllGlobals();
  vi.useRealTimers();
  document.body.innerHTML = '';
});
