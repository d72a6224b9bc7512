import { setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { NotStaffError, useAuthStore } from '@/stores/auth';
import { createTestPinia, jsonResponse, loginResponse, makeUser, stubFetch } from './helpers';

const refused = () =>
  jsonResponse(401, { statusCode: 401, code: 'TOKEN_INVALID', message: 'No session cookie' });

describe('auth store', () => {
  beforeEach(() => setActivePinia(createTestPinia()));

  it('keeps the access token in memory only, never in storage', async () => {
    const user = makeUser('community_admin', 'community', 'c7');
    stubFetch({ 'POST /api/auth/staff/login': () => jsonResponse(200, loginResponse(user)) });

    await useAuthStore().login('admin', 'secret');

    const auth = useAuthStore();
    expect(auth.accessToken).toBe('access-1');
    expect(auth.homeCommunityId).toBe('c7');
    expect(localStorage.length).toBe(0);
    expect(sessionStorage.length).toBe(0);
    expect(JSON.stringify(auth.session)).not.toContain('refresh');
  });

  it('comes back after a reload by refreshing from the cookie, once', async () => {
    const user = makeUser('community_admin', 'community', 'c7');
    const { calls } = stubFetch({
      'POST /api/auth/staff/refresh': () => jsonResponse(200, loginResponse(user, 'reloaded')),
    });
    // A reload: a fresh Pinia knows nothing until it asks the server.
    const auth = useAuthStore();
    expect(auth.isAuthenticated).toBe(false);

    await Promise.all([auth.restore(), auth.restore()]);
    await auth.restore();

    expect(auth.isAuthenticated).toBe(true);
    expect(auth.accessToken).toBe('access-reloaded');
    expect(auth.user?.displayName).toBe('李晓梅');
    expect(auth.homeCommunityId).toBe('c7');
    expect(auth.hasRole('community_admin', 'street_admin')).toBe(true);
    expect(auth.hasRole('bureau_admin')).toBe(false);
    const refresh = calls.filter((c) => c.path === '/api/auth/staff/refresh');
    expect(refresh).toHaveLength(1);
    // No token in the request: the browser adds the httpOnly cookie.
    expect(refresh[0]?.body).toBeUndefined();
    expect(refresh[0]?.headers['authorization']).toBeUndefined();
  });

  it('stays signed out after a reload without a session cookie', async () => {
    stubFetch({ 'POST /api/auth/staff/refresh': refused });
    const auth = useAuthStore();
    await auth.restore();
    expect(auth.isAuthenticated).toBe(false);
  });

  it('takes turns with other tabs for the refresh, so the rotated cookie is never spent twice', async () => {
    const user = makeUser('desk_staff', 'community', 'c1');
    const order: string[] = [];
    let held: Promise<unknown> = Promise.resolve();
    const request = vi.fn(async (name: string, work: () => Promise<unknown>) => {
      order.push(`lock ${name}`);
      const run = held.then(work);
      held = run.catch(() => undefined);
      return run;
    });
    vi.stubGlobal('navigator', { ...navigator, locks: { request } });
    stubFetch({
      'POST /api/auth/staff/refresh': () => {
        order.push('refresh');
        return jsonResponse(200, loginResponse(user, 'new'));
      },
    });

    expect(await useAuthStore().refresh()).toBe(true);

    expect(order).toEqual(['lock baitong.console.refresh', 'refresh']);
  });

  it('tells the server to end the session by its cookie on logout and forgets it', async () => {
    const user = makeUser('desk_staff', 'community', 'c1');
    const { calls } = stubFetch({
      'POST /api/auth/staff/login': () => jsonResponse(200, loginResponse(user)),
      'POST /api/auth/staff/logout': () => jsonResponse(204),
    });
    const auth = useAuthStore();
    await auth.login('desk', 'secret');

    await auth.logout();

    expect(calls.map((c) => `${c.method} ${c.path}`)).toContain('POST /api/auth/staff/logout');
    expect(auth.isAuthenticated).toBe(false);
    expect(auth.accessToken).toBeNull();
  });

  it('still signs out locally when the server cannot be reached', async () => {
    const user = makeUser('desk_staff', 'community', 'c1');
    stubFetch({ 'POST /api/auth/staff/login': () => jsonResponse(200, loginResponse(user)) });
    const auth = useAuthStore();
    await auth.login('desk', 'secret');
    stubFetch({
      'POST /api/auth/staff/logout': () => jsonResponse(502, undefined),
    });

    await auth.logout();

    expect(auth.isAuthenticated).toBe(false);
  });

  it('finds the community of a compound-scoped grid worker', async () => {
    const user = makeUser('grid_worker', 'compound', 'cp9');
    stubFetch({
      'POST /api/auth/staff/login': () => jsonResponse(200, loginResponse(user)),
      'GET /api/compounds/cp9': () => jsonResponse(200, { id: 'cp9', communityId: 'c3' }),
    });

    await useAuthStore().login('grid', 'secret');

    expect(useAuthStore().homeCommunityId).toBe('c3');
  });

  it('refuses resident accounts and keeps nothing', async () => {
    const resident = { ...makeUser('resident', 'community'), kind: 'resident' as const };
    stubFetch({ 'POST /api/auth/staff/login': () => jsonResponse(200, loginResponse(resident)) });

    await expect(useAuthStore().login('r', 'x')).rejects.toBeInstanceOf(NotStaffError);
    expect(useAuthStore().isAuthenticated).toBe(false);
  });
});
