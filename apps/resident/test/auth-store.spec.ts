import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { readTokens, saveTokens } from '@/api/token-storage';
import { useAuthStore } from '@/stores/auth';
import { apiError, authHeader, calls, json, noContent, resident, stubFetch } from './helpers';

const LOGIN = { accessToken: 'a-1', expiresIn: 900, user: resident };

/** What the page keeps across a reload besides its language: nothing of the session. */
function stored(): string[] {
  const keys = (s: Storage) => Array.from({ length: s.length }, (_, i) => s.key(i) ?? '');
  return [...keys(localStorage), ...keys(sessionStorage)].filter((k) => !k.endsWith('.locale'));
}

describe('auth store', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
  });

  it('keeps the access token in memory only after logging in', async () => {
    stubFetch(() => json(LOGIN));
    const auth = useAuthStore();

    const user = await auth.login('13800138000', '246810');

    expect(user?.displayName).toBe('Anna Müller');
    expect(auth.isLoggedIn).toBe(true);
    expect(auth.user?.scope.name).toBe('和睦路社区');
    expect(readTokens()).toEqual({ accessToken: 'a-1' });
    expect(stored()).toEqual([]);
  });

  it('comes back after a reload by refreshing from the cookie, once', async () => {
    const fetchMock = stubFetch((url) =>
      url === '/api/auth/resident/refresh'
        ? json({ ...LOGIN, accessToken: 'a-5' })
        : json(resident),
    );
    const auth = useAuthStore();
    expect(auth.isLoggedIn).toBe(false);

    await Promise.all([auth.restore(), auth.restore()]);
    await auth.restore();

    expect(auth.isLoggedIn).toBe(true);
    expect(readTokens()).toEqual({ accessToken: 'a-5' });
    expect(calls(fetchMock)).toEqual(['POST /api/auth/resident/refresh']);
    // No token in the request: the browser adds the httpOnly cookie.
    expect(fetchMock.mock.calls[0]?.[1].body).toBeUndefined();
    expect(fetchMock.mock.calls[0]?.[1].credentials).toBe('same-origin');
  });

  it('stays signed out after a reload without a session cookie, and asks only once', async () => {
    const fetchMock = stubFetch(() => apiError(401, 'TOKEN_INVALID'));
    const auth = useAuthStore();

    await auth.restore();
    await auth.restore();

    expect(auth.isLoggedIn).toBe(false);
    expect(calls(fetchMock)).toEqual(['POST /api/auth/resident/refresh']);
  });

  it('loads the signed-in resident once', async () => {
    saveTokens({ accessToken: 'a-9' });
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

  it('ends the session on the server by its cookie and drops the token on logout', async () => {
    const fetchMock = stubFetch((url) => (url.endsWith('/logout') ? noContent() : json(LOGIN)));
    const auth = useAuthStore();
    await auth.login('13800138000', '246810');

    await auth.logout();

    expect(calls(fetchMock)).toEqual([
      'POST /api/auth/resident/login',
      'POST /api/auth/resident/logout',
    ]);
    // By the cookie: works even when the access token has expired.
    expect(authHeader(fetchMock, 1)).toBeUndefined();
    expect(readTokens()).toBeNull();
    expect(auth.isLoggedIn).toBe(false);
    expect(auth.user).toBeNull();
    expect(auth.endedByUser).toBe(true);
  });

  it('clears the tokens on logout even when the server cannot be reached', async () => {
    saveTokens({ accessToken: 'a-1' });
    stubFetch(() => {
      throw new TypeError('Failed to fetch');
    });
    const auth = useAuthStore();

    await auth.logout();

    expect(readTokens()).toBeNull();
    expect(auth.isLoggedIn).toBe(false);
  });

  it('keeps no tokens when the login is refused', async () => {
    stubFetch(() => apiError(401, 'OTP_INVALID'));
    const auth = useAuthStore();

    await expect(auth.login('13800138000', '000000')).rejects.toMatchObject({
      code: 'OTP_INVALID',
    });

    expect(readTokens()).toBeNull();
    expect(auth.isLoggedIn).toBe(false);
  });

  it('holds a registration for a new phone in memory, then signs the newcomer in with it', async () => {
    const fetchMock = stubFetch((url) =>
      url.endsWith('/login')
        ? json({
            registrationRequired: true,
            registrationToken: 'reg-1',
            expiresInSeconds: 1800,
            phoneMasked: '199****0001',
          })
        : json({ ...LOGIN, user: { ...resident, verification: 'unverified' } }, 201),
    );
    const auth = useAuthStore();

    expect(await auth.login('19900000001', '246810')).toBeNull();
    expect(auth.isLoggedIn).toBe(false);
    expect(auth.registration).toMatchObject({ token: 'reg-1', phoneMasked: '199****0001' });
    expect(stored()).toEqual([]);

    const user = await auth.register({
      name: 'Kim Minji',
      foreign: true,
      nationality: 'KR',
      communityId: 'c-1',
    });

    expect(calls(fetchMock)).toEqual([
      'POST /api/auth/resident/login',
      'POST /api/auth/resident/register',
    ]);
    expect(JSON.parse(String(fetchMock.mock.calls[1]?.[1].body))).toEqual({
      name: 'Kim Minji',
      foreign: true,
      nationality: 'KR',
      communityId: 'c-1',
      registrationToken: 'reg-1',
    });
    expect(user.verification).toBe('unverified');
    expect(auth.isLoggedIn).toBe(true);
    expect(auth.registration).toBeNull();
    expect(readTokens()).toEqual({ accessToken: 'a-1' });
  });
});
