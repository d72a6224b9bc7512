import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { TOKENS_KEY, saveTokens } from '@/api/token-storage';
import { useAuthStore } from '@/stores/auth';
import { apiError, authHeader, calls, json, noContent, resident, stubFetch } from './helpers';

const LOGIN = { accessToken: 'a-1', refreshToken: 'r-1', expiresIn: 900, user: resident };

function stored(): unknown {
  return JSON.parse(localStorage.getItem(TOKENS_KEY) ?? 'null');
}

describe('auth store', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
  });

  it('persists the tokens and the resident after logging in', async () => {
    stubFetch(() => json(LOGIN));
    const auth = useAuthStore();

    const user = await auth.login('13800138000', '246810');

    expect(user.displayName).toBe('Anna Müller');
    expect(auth.isLoggedIn).toBe(true);
    expect(auth.user?.scope.name).toBe('和睦路社区');
    expect(stored()).toEqual({ accessToken: 'a-1', refreshToken: 'r-1' });
  });

  it('restores the session from storage and loads the resident once', async () => {
    saveTokens({ accessToken: 'a-9', refreshToken: 'r-9' });
    const fetchMock = stubFetch(() => json(resident));
    setActivePinia(createPinia());
    const auth = useAuthStore();

    expect(auth.isLoggedIn).toBe(true);
    const [first, second] = await Promise.all([auth.ensureUser(), auth.ensureUser()]);
    await auth.ensureUser();

    expect(first?.id).toBe('u-1');
    expect(second?.id).toBe('u-1');
    expect(calls(fetchMock)).toEqual(['GET /api/auth/me']);
    expect(authHeader(fetchMock, 0)).toBe('Bearer a-9');
  });

  it('ends the session on the server and clears the stored tokens on logout', async () => {
    const fetchMock = stubFetch((url) => (url.endsWith('/logout') ? noContent() : json(LOGIN)));
    const auth = useAuthStore();
    await auth.login('13800138000', '246810');

    await auth.logout();

    expect(calls(fetchMock)).toEqual(['POST /api/auth/resident/login', 'POST /api/auth/logout']);
    expect(authHeader(fetchMock, 1)).toBe('Bearer a-1');
    expect(localStorage.getItem(TOKENS_KEY)).toBeNull();
    expect(auth.isLoggedIn).toBe(false);
    expect(auth.user).toBeNull();
    expect(auth.endedByUser).toBe(true);
  });

  it('clears the tokens on logout even when the server cannot be reached', async () => {
    saveTokens({ accessToken: 'a-1', refreshToken: 'r-1' });
    stubFetch(() => {
      throw new TypeError('Failed to fetch');
    });
    const auth = useAuthStore();

    await auth.logout();

    expect(localStorage.getItem(TOKENS_KEY)).toBeNull();
    expect(auth.isLoggedIn).toBe(false);
  });

  it('keeps no tokens when the login is refused', async () => {
    stubFetch(() => apiError(401, 'OTP_INVALID'));
    const auth = useAuthStore();

    await expect(auth.login('13800138000', '000000')).rejects.toMatchObject({
      code: 'OTP_INVALID',
    });

    expect(localStorage.getItem(TOKENS_KEY)).toBeNull();
    expect(auth.isLoggedIn).toBe(false);
  });
});
