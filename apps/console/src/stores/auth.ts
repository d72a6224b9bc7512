import { oneTabAtATime } from '@baitong/web-client';
import type { LoginResponse, Role, SessionUser } from '@baitong/contracts';
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { ApiRequestError } from '@/api/api-error';
import { fetchMe, logoutSession, refreshSession, staffLogin } from '@/api/auth';
import { getCompound } from '@/api/org';

/**
 * The signed-in session, in memory only: the access token never touches storage, and the
 * refresh token is an httpOnly cookie the page cannot read. A reload renews from the cookie.
 */
export interface ConsoleSession {
  accessToken: string;
  /** Epoch milliseconds when the access token expires. */
  expiresAt: number;
  user: SessionUser;
  /** The community a community- or compound-scoped user works in, when known. */
  homeCommunityId: string | null;
}

/** Thrown when someone who is not staff signs in to the console. */
export class NotStaffError extends Error {
  constructor() {
    super('Not a staff account');
    this.name = 'NotStaffError';
  }
}

export const useAuthStore = defineStore('auth', () => {
  const session = ref<ConsoleSession | null>(null);
  let restoring: Promise<void> | null = null;

  const user = computed(() => session.value?.user ?? null);
  const accessToken = computed(() => session.value?.accessToken ?? null);
  const isAuthenticated = computed(() => session.value !== null);
  const homeCommunityId = computed(() => session.value?.homeCommunityId ?? null);

  function setSession(response: LoginResponse, homeCommunity: string | null) {
    session.value = {
      accessToken: response.accessToken,
      expiresAt: Date.now() + response.expiresIn * 1000,
      user: response.user,
      homeCommunityId: homeCommunity,
    };
  }

  function clearSession() {
    session.value = null;
  }

  // Grid workers are bound to a compound; their community comes from the compound record.
  async function resolveHomeCommunity(scopedUser: SessionUser): Promise<string | null> {
    if (scopedUser.scope.level === 'community') return scopedUser.scope.id;
    if (scopedUser.scope.level !== 'compound') return null;
    try {
      return (await getCompound(scopedUser.scope.id, { silent: true })).communityId;
    } catch {
      return null;
    }
  }

  async function adoptHome(forUser: SessionUser) {
    const home = await resolveHomeCommunity(forUser);
    if (session.value && session.value.user.id === forUser.id) {
      session.value = { ...session.value, homeCommunityId: home };
    }
  }

  async function login(username: string, password: string): Promise<SessionUser> {
    const response = await staffLogin({ username, password }, { silent: true });
    if (response.user.kind !== 'staff') throw new NotStaffError();
    restoring ??= Promise.resolve();
    setSession(response, null);
    await adoptHome(response.user);
    return response.user;
  }

  /** Renews the access token from the cookie; false (and signed out) when the server refuses. */
  async function refresh(): Promise<boolean> {
    const before = session.value;
    const renewed = await oneTabAtATime('baitong.console.refresh', async () => {
      try {
        const response = await refreshSession();
        if (response.user.kind !== 'staff') {
          clearSession();
          return false;
        }
        const sameUser = before !== null && before.user.id === response.user.id;
        setSession(response, sameUser ? before.homeCommunityId : null);
        return true;
      } catch (err) {
        if (err instanceof ApiRequestError && err.kind === 'api') {
          clearSession();
          return false;
        }
        throw err;
      }
    });
    // Outside the lock: this call may itself need a renewal.
    if (renewed && session.value && (!before || before.user.id !== session.value.user.id)) {
      await adoptHome(session.value.user);
    }
    return renewed;
  }

  /**
   * After a page load: renews from the refresh cookie, if the browser has one. Tried once per
   * page; again only after a network failure.
   */
  function restore(): Promise<void> {
    if (session.value) return Promise.resolve();
    restoring ??= refresh().then(
      () => undefined,
      () => {
        restoring = null;
      },
    );
    return restoring;
  }

  async function logout(): Promise<void> {
    try {
      await logoutSession();
    } catch {
      // The local session is dropped whatever the server says.
    }
    // Signed out on this page: nothing is left to restore from a cookie.
    restoring ??= Promise.resolve();
    clearSession();
  }

  /** Re-reads the signed-in user (name, role or scope may have changed since login). */
  async function reloadUser(): Promise<void> {
    const me = await fetchMe({ silent: true });
    if (session.value) session.value = { ...session.value, user: me };
  }

  function hasRole(...roles: readonly Role[]): boolean {
    return user.value !== null && roles.includes(user.value.role);
  }

  return {
    session,
    user,
    accessToken,
    isAuthenticated,
    homeCommunityId,
    login,
    refresh,
    restore,
    logout,
    reloadUser,
    clearSession,
    hasRole,
  };
});
