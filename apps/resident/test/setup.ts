import { closeToast } from 'vant';
import { afterAll, afterEach, beforeEach, vi } from 'vitest';
import { resetTokenStorage } from '@/api/token-storage';
import { setLocale } from '@/i18n';
import { setSocketFactory, stopRealtime } from '@/realtime/socket';
import { FakeSocket } from './fake-socket';

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
  // The access token lives in memory: no test inherits the previous one's session or listeners.
  resetTokenStorage();
  setLocale('en');
  // Never a real connection in tests: every socket is an inert fake unless a test looks at it.
  setSocketFactory((options) => new FakeSocket(options));
});

afterEach(() => {
  stopRealtime();
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  // Vant keeps one toast and reuses its (by now detached) element: start each test with a new one.
  closeToast(true);
  document.body.innerHTML = '';
});

// Vant's bars measure themselves up to 300 ms after mounting; let that happen while the page
// still exists rather than after the test environment is gone.
afterAll(() => new Promise((resolve) => setTimeout(resolve, 350)));
