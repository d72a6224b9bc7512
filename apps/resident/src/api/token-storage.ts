import type { AccessToken } from '@baitong/contracts';

/**
 * The session's access token, in memory only: nothing of the session is written to storage, and
 * the refresh token is an httpOnly cookie (Path /api/auth/resident) the page cannot read. After a
 * reload the request client gets a new access token from that cookie (`restoreSession`).
 */
export type StoredTokens = Pick<AccessToken, 'accessToken'>;
type Listener = (tokens: StoredTokens | null) => void;

let current: StoredTokens | null = null;
const listeners = new Set<Listener>();

export function readTokens(): StoredTokens | null {
  return current;
}

/** Keeps the session's access token (or drops it with `null`) and tells every listener. */
export function saveTokens(tokens: StoredTokens | null): void {
  current = tokens ? { accessToken: tokens.accessToken } : null;
  for (const listener of listeners) listener(current);
}

export function onTokensChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Forgets the token and every listener, as a new page load does. For tests. */
export function resetTokenStorage(): void {
  current = null;
  listeners.clear();
}
