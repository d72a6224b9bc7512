import { ElMessage, ElNotification } from 'element-plus';
import { afterEach, beforeEach, vi } from 'vitest';
import { i18n } from '@/i18n';
import { setSocketFactory } from '@/realtime/socket';
import { FakeSocket } from './fake-socket';
import { forgetSession } from './helpers';

// async-validator warns on every failed rule outside production; the tests assert on the UI.
(globalThis as { ASYNC_VALIDATOR_NO_WARNING?: boolean }).ASYNC_VALIDATOR_NO_WARNING = true;

beforeEach(() => {
  localStorage.clear();
  forgetSession();
  // No test reaches a real server: pages that go live get a silent fake unless a test plays one.
  setSocketFactory((options) => new FakeSocket(options));
  i18n.global.locale.value = 'zh-CN';
});

afterEach(() => {
  ElMessage.closeAll();
  ElNotification.closeAll();
  vi.unstubAllGlobals();
  vi.useRealTimers();
  document.body.innerHTML = '';
});
