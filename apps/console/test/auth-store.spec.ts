import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { NotStaffError, SESSION_STORAGE_KEY, useAuthStore } from '@/stores/auth';
import { jsonResponse, loginResponse, makeUser, storeSession, stubFetch } from './helpers';

function stored() {
  const raw = localStorage.getItem(SESSION_STORAGE_KEY);
  return raw ? (JSON.parse(raw) as Record<string, unknown>) : null;
}

describe('auth store', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('keeps the tokens and user in localStorage and restores them on the next visit', async () => {
    const user = makeUser('community_admin', 'community', 'c7');
    stubFetch({ 'POST /api/auth/staff/login': () => jsonResponse(200, loginResponse(user)) });

    await useAuthStore().login('admin', 'secret');

    expect(stored()).toMatchObject({
      accessToken: 'access-1',
      refreshToken: 'refresh-1',
      user: { role: 'community_admin' },
      homeCommunityId: 'c7',
    });

    // A reload: a fresh Pinia reads the session back.
    setActivePinia(createPinia());
    const restored = useAuthStore();
    expect(restored.isAuthenticated).toBe(true);
    expect(restored.accessToken).toBe('access-1');
    expect(restored.user?.displayName).toBe('李晓梅');
    expect(restored.hasRole('community_admin', 'street_admin')).toBe(true);
    expect(restored.hasRole('bureau_admin')).toBe(false);
  });

  it('clears the tokens on logout and tells the server to end the session', async () => {
    const user = makeUser('desk_staff', 'community', 'c1');
    const { calls } = stubFetch({
      'POST /api/auth/staff/login': () => jsonResponse(200, loginResponse(user)),
      'POST /api/auth/logout': () => jsonResponse(204),
    });
    const auth = useAuthStore();
    await auth.login('desk', 'secret');

    await auth.logout();

    expect(calls.map((c) => `${c.method} ${c.path}`)).toContain('POST /api/auth/logout');
    expect(calls.at(-1)?.headers['authorization']).toBe('Bearer access-1');
    expect(auth.isAuthenticated).toBe(false);
    expect(auth.accessToken).toBeNull();
    expect(localStorage.getItem(SESSION_STORAGE_KEY)).toBeNull();
  });

  it('still signs out locally when the server cannot be reached', async () => {
    const user = makeUser('desk_staff', 'community', 'c1');
    stubFetch({ 'POST /api/auth/staff/login': () => jsonResponse(200, loginResponse(user)) });
    const auth = useAuthStore();
    await auth.login('desk', 'secret');
    stubFetch({
      'POST /api/auth/logout': () => jsonResponse(502, undefined),
    });

    await auth.logout();

    expect(auth.isAuthenticated).toBe(false);
    expect(stored()).toBeNull();
  });

  it('finds the community of a compound-scoped grid worker', async () => {
    const user = makeUser('grid_worker', 'compound', 'cp9');
    stubFetch({
      'POST /api/auth/staff/login': () => jsonResponse(200, loginResponse(user)),
      'GET /api/compounds/cp9': () => jsonResponse(200, { id: 'cp9', communityId: 'c3' }),
    });

    await useAuthStore().login('grid', 'secret');

    expect(useAuthStore().homeCommunityId).toBe('c3');
    expect(stored()?.['homeCommunityId']).toBe('c3');
  });

  it('refuses resident accounts and stores nothing', async () => {
    const resident = { ...makeUser('resident', 'community'), kind: 'resident' as const };
    stubFetch({ 'POST /api/auth/staff/login': () => jsonResponse(200, loginResponse(resident)) });

    await expect(useAuthStore().login('r', 'x')).rejects.toBeInstanceOf(NotStaffError);
    expect(stored()).toBeNull();
  });

  it('adopts tokens another tab has renewed instead of spending the rotated refresh token', async () => {
    storeSession(makeUser('desk_staff', 'community', 'c1'), 'c1', 'old');
    const auth = useAuthStore();
    // The other tab renewed: localStorage now holds the next pair.
    storeSession(makeUser('desk_staff', 'community', 'c1'), 'c1', 'other-tab');
    const { fetchMock } = stubFetch({});

    expect(await auth.refresh()).toBe(true);

    expect(fetchMock).not.toHaveBeenCalled();
    expect(auth.accessToken).toBe('access-other-tab');
  });

  it('ignores a corrupted stored session', () => {
    localStorage.setItem(SESSION_STORAGE_KEY, '{not json');
    expect(useAuthStore().isAuthenticated).toBe(false);
  });
});
