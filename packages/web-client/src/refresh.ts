import { ApiRequestError } from './api-error.js';
import type { RefreshOutcome } from './request-client.js';

/**
 * Runs `work` while holding the Web Lock `name`, where the browser has Web Locks. Tabs share the
 * refresh cookie and it rotates: two tabs refreshing at once would present the same cookie
 * twice, which the server takes for theft and ends the session. With the lock the tabs take
 * turns, and the second sends the cookie the first one received.
 */
export function oneTabAtATime<T>(name: string, work: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  return locks ? locks.request(name, work) : work();
}

/**
 * What a failed refresh call says about the session: an answer of the API below 500 refuses the
 * cookie (the session is over); anything else (offline, a gateway, a server error) is no verdict.
 */
export function refreshFailure(err: unknown): Exclude<RefreshOutcome, 'renewed'> {
  return err instanceof ApiRequestError && err.kind === 'api' && err.status < 500
    ? 'refused'
    : 'unreachable';
}
