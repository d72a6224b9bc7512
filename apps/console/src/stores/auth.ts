import type { LoginResponse, Role, SessionUser } from '@baitong/contracts';
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { ApiRequestError } from '@/api/api-error';
import { fetchMe, logoutSession, refreshSession, staffLogin } from '@/api/auth';
import { getCompound } from '@/api/org';

export const SESSION_STORAGE_KEY = 'baitong.console.session';

interface StoredSession {
  accessToken: string;
  refreshToken: string;
  /** Epoch milliseconds when the access token expires. */
  expiresAt: number;
  user: SessionUser;
  /** The community a community- or compound-scoped user works in, when known. */
  homeCommunityId: string | null;
}

function isStoredSession(value: unknown): value is StoredSession {
  if (!value || typeof value !== 'object') return false;
  const v = value as Partial<StoredSession>;
  return (
    typeof v.accessToken === 'string' &&
    typeof v.refreshToken === 'string' &&
    typeof v.user === 'object' &&
    v.user !== null
  );
}

function readStored(): StoredSession | null {
  try {
    const raw = localStorage.getItem(SESSION_STORAGE_KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : null;
    return isStoredSession(parsed)
      ? { ...parsed, homeCommunityId: parsed.homeCommunityId ?? null }
      : null;
  } catch {
    return null;
  }
}

/** Thrown when someone who is not staff signs in to the console. */
export class NotStaffError extends Error {
  constructor() {
    super('Not a staff account');
    this.name = 'NotStaffError';
  }
}

export const useAuthStore = defineStore('auth', () => {
  const session = ref<StoredSession | null>(readStored());

  const user = computed(() => session.value?.user ?? null);
  const accessToken = computed(() => session.value?.accessToken ?? null);
  const refreshToken = computed(() => session.value?.refreshToken ?? null);
  const isAuthenticated = computed(() => session.value !== null);
  const homeCommunityId = computed(() => session.value?.homeCommunityId ?? null);

  function persist() {
    if (session.value) localStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify(session.value));
    else localStorage.removeItem(SESSION_STORAGE_KEY);
  }

  function setSession(response: LoginResponse, homeCommunity: string | null) {
    session.value = {
      accessToken: response.accessToken,
      refreshToken: response.refreshToken,
      expiresAt: Date.now() + response.expiresIn * 1000,
      user: response.user,
      homeCommunityId: homeCommunity,
    };
    persist();
  }

  function clearSession() {
    session.value = null;
    persist();
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

  async function login(username: string, password: string): Promise<SessionUser> {
    const response = await staffLogin({ username, password }, { silent: true });
    if (response.user.kind !== 'staff') throw new NotStaffError();
    setSession(response, null);
    const home = await resolveHomeCommunity(response.user);
    if (session.value) {
      session.value = { ...session.value, homeCommunityId: home };
      persist();
    }
    return response.user;
  }

  /** Renews the tokens; false (and signed out) when the server refuses the refresh token. */
  async function refresh(): Promise<boolean> {
    const current = session.value;
    if (!current) return false;
    // Another tab may have renewed already: refresh tokens rotate, so reusing ours would
    // end the session everywhere.
    const latest = readStored();
    if (latest && latest.refreshToken !== current.refreshToken) {
      session.value = latest;
      return true;
    }
    try {
      const response = await refreshSession(current.refreshToken);
      setSession(response, current.homeCommunityId);
      return true;
    } catch (err) {
      if (err instanceof ApiRequestError && err.kind === 'api') {
        clearSession();
        return false;
      }
      throw err;
    }
  }

  async function logout(): Promise<void> {
    if (session.value) {
      try {
        await logoutSession();
      } catch {
        // The local session is dropped whatever the server says.
      }
    }
    clearSession();
  }

  /** Re-reads the signed-in user (name, role or scope may have changed since login). */
  async function reloadUser(): Promise<void> {
    const me = await fetchMe({ silent: true });
    if (session.value) {
      session.value = { ...session.value, user: me };
      persist();
    }
  }

  // Sign-in, renewal and sign-out in another tab apply here too.
  if (typeof window !== 'undefined') {
    window.addEventListener('storage', (event) => {
      if (event.key === SESSION_STORAGE_KEY || event.key === null) session.value = readStored();
    });
  }

  function hasRole(...roles: readonly Role[]): boolean {
    return user.value !== null && roles.includes(user.value.role);
  }

  return {
    session,
    user,
    accessToken,
    refreshToken,
    isAuthenticated,
    homeCommunityId,
    login,
    refresh,
    logout,
    reloadUser,
    clearSession,
    hasRole,
  };
});
