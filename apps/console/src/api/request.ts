import { createRequestClient, type RefreshOutcome } from '@baitong/web-client';
import { ElMessage } from 'element-plus';
import { errorMessage } from '@/api/error-message';
import { useAuthStore } from '@/stores/auth';

export type { CallOptions, QueryValue, RequestOptions } from '@baitong/web-client';

export const API_BASE = '/api';

// The store renews from the console's cookie (/api/auth/staff/refresh) under its Web Lock; it
// throws when the server could not be reached.
async function renewFromCookie(): Promise<RefreshOutcome> {
  try {
    return (await useAuthStore().refresh()) ? 'renewed' : 'refused';
  } catch {
    return 'unreachable';
  }
}

const client = createRequestClient({
  baseUrl: API_BASE,
  session: {
    accessToken: () => useAuthStore().accessToken,
    refresh: renewFromCookie,
    clear: () => useAuthStore().clearSession(),
  },
  // grouping folds identical messages from parallel calls into one toast.
  onError: (err) =>
    ElMessage({ type: 'error', message: errorMessage(err), grouping: true, showClose: true }),
});

/** The console's one HTTP client: JSON, bearer token, one renewal on 401, one error toast. */
export const request = client.request;

/** Called once the session cannot be renewed; the app sends the user to the login page. */
export const onSessionExpired = client.onSessionExpired;

/** A usable access token for the live connection after `rejected` was refused. */
export const renewAccessToken = client.renewAccessToken;
