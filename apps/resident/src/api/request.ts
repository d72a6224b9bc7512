import type { LoginResponse } from '@baitong/contracts';
import {
  createRequestClient,
  oneTabAtATime,
  refreshFailure,
  type RefreshOutcome,
} from '@baitong/web-client';
import { showFailToast } from 'vant';
import { readTokens, saveTokens } from '@/api/token-storage';
import { describeError } from '@/i18n/errors';

export { ApiRequestError } from '@/api/api-error';
export type { CallOptions, QueryValue, RequestOptions } from '@baitong/web-client';

export const API_BASE = '/api';

/** Whether the last refresh got a verdict (a new token or a refusal), not a network failure. */
let serverAnswered = false;

// No body: the browser sends the httpOnly cookie, scoped to /api/auth/resident. Tabs take turns
// (the cookie rotates).
function renewFromCookie(): Promise<RefreshOutcome> {
  return oneTabAtATime('baitong.resident.refresh', async () => {
    serverAnswered = false;
    try {
      const pair = await client.request<Partial<LoginResponse> | undefined>(
        '/auth/resident/refresh',
        { method: 'POST', auth: false, silent: true },
      );
      if (typeof pair?.accessToken !== 'string') return 'unreachable';
      serverAnswered = true;
      saveTokens({ accessToken: pair.accessToken });
      return 'renewed';
    } catch (err) {
      const outcome = refreshFailure(err);
      if (outcome === 'refused') {
        serverAnswered = true;
        saveTokens(null);
      }
      return outcome;
    }
  });
}

const client = createRequestClient({
  baseUrl: API_BASE,
  session: {
    accessToken: () => readTokens()?.accessToken ?? null,
    refresh: renewFromCookie,
    clear: () => saveTokens(null),
  },
  onError: (error) => showFailToast({ message: describeError(error), wordBreak: 'break-word' }),
});

/**
 * The one way the app talks to the API: `/api` + path, JSON in and out, bearer token, one
 * renewal on 401, errors as `ApiRequestError` (toasted unless the call is `silent`).
 */
export const request = client.request;

/**
 * A fresh access token after `rejected` was refused somewhere other than an HTTP call (the
 * real-time connection): shares the one refresh with the HTTP calls; null when the session is
 * over or the service cannot be reached.
 */
export const renewSession = client.renewAccessToken;

/**
 * After a page load: a new access token from the refresh cookie, if the browser has one. True
 * once the server has answered (signed in or not), false when it could not be reached.
 */
export async function restoreSession(): Promise<boolean> {
  if (readTokens()) return true;
  return (await client.refresh()) === 'renewed' || serverAnswered;
}
