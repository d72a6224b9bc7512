import type { TokenPair } from '@baitong/contracts';

export type StoredTokens = Pick<TokenPair, 'accessToken' | 'refreshToken'>;
type Listener = (tokens: StoredTokens | null) => void;

export const TOKENS_KEY = 'baitong.resident.tokens';
const listeners = new Set<Listener>();

function parse(raw: string | null): StoredTokens | null {
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Partial<StoredTokens> | null;
    if (typeof value?.accessToken === 'string' && typeof value.refreshToken === 'string') {
      return { accessToken: value.accessToken, refreshToken: value.refreshToken };
    }
  } catch {
    // A corrupt entry is treated as no session.
  }
  return null;
}

export function readTokens(): StoredTokens | null {
  try {
    return parse(localStorage.getItem(TOKENS_KEY));
  } catch {
    return null;
  }
}

/** Persists the session's tokens (or removes them with `null`) and tells every listener. */
export function saveTokens(tokens: StoredTokens | null): void {
  try {
    if (tokens) {
      const { accessToken, refreshToken } = tokens;
      localStorage.setItem(TOKENS_KEY, JSON.stringify({ accessToken, refreshToken }));
    } else {
      localStorage.removeItem(TOKENS_KEY);
    }
  } catch {
    // Storage blocked: the session will not survive a reload, nothing more.
  }
  for (const listener of listeners) listener(tokens);
}

export function onTokensChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

// Logging in or out in another tab applies here too.
if (typeof window !== 'undefined') {
  window.addEventListener('storage', (event) => {
    if (event.key !== TOKENS_KEY && event.key !== null) return;
    const tokens = parse(event.newValue);
    for (const listener of listeners) listener(tokens);
  });
}
