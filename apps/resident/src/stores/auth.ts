import type { LoginResponse, ResidentProfileInput, SessionUser } from '@baitong/contracts';
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import * as authApi from '@/api/auth';
import { restoreSession } from '@/api/request';
import { onTokensChange, readTokens, saveTokens, type StoredTokens } from '@/api/token-storage';

/**
 * A right code for a phone nobody holds yet: the token lets its owner register within its time.
 * Kept in memory only, like the access token (never in the address or in storage).
 */
export interface PendingRegistration {
  token: string;
  phoneMasked: string;
  /** Epoch milliseconds after which the server refuses the token. */
  expiresAt: number;
}

export const useAuthStore = defineStore('auth', () => {
  const tokens = ref<StoredTokens | null>(readTokens());
  const user = ref<SessionUser | null>(null);
  /** True when the resident logged out themselves, false when the session expired. */
  const endedByUser = ref(false);
  const registration = ref<PendingRegistration | null>(null);

  const isLoggedIn = computed(() => tokens.value !== null);
  let restoring: Promise<void> | null = null;

  // The request client rotates or drops tokens on its own (refresh, 401); follow it.
  onTokensChange((next) => {
    // Signed in or out on this page: nothing is left to restore from a cookie.
    restoring ??= Promise.resolve();
    tokens.value = next;
    if (!next) user.value = null;
  });

  function startSession(response: LoginResponse): SessionUser {
    endedByUser.value = false;
    registration.value = null;
    saveTokens({ accessToken: response.accessToken });
    user.value = response.user;
    return response.user;
  }

  /** Signs in; null when the phone is new and a registration is pending (`registration`). */
  async function login(phone: string, code: string): Promise<SessionUser | null> {
    const result = await authApi.loginResident({ phone, code }, { silent: true });
    if (!authApi.isRegistrationRequired(result)) return startSession(result);
    registration.value = {
      token: result.registrationToken,
      phoneMasked: result.phoneMasked,
      expiresAt: Date.now() + result.expiresInSeconds * 1000,
    };
    return null;
  }

  /** Registers the pending phone and signs the new (unverified) resident in. */
  async function register(profile: ResidentProfileInput): Promise<SessionUser> {
    const pending = registration.value;
    if (!pending) throw new Error('No registration is pending: sign in with a code first');
    const response = await authApi.registerResident(
      { ...profile, registrationToken: pending.token },
      { silent: true },
    );
    return startSession(response);
  }

  function dropRegistration(): void {
    registration.value = null;
  }

  /** After a reload the session comes back from the refresh cookie: tried once per page load. */
  function restore(): Promise<void> {
    if (tokens.value) return Promise.resolve();
    restoring ??= restoreSession().then((answered) => {
      // Unreachable: try again on the next navigation.
      if (!answered) restoring = null;
    });
    return restoring;
  }

  let loadingUser: Promise<SessionUser> | null = null;

  /** The signed-in resident, fetched once per session; null when nobody is signed in. */
  async function ensureUser(): Promise<SessionUser | null> {
    if (!tokens.value) return null;
    if (user.value) return user.value;
    loadingUser ??= authApi
      .fetchMe({ silent: true })
      .then((me) => {
        user.value = me;
        return me;
      })
      .finally(() => {
        loadingUser = null;
      });
    return loadingUser;
  }

  /** Asks the server again (staff may have confirmed the registration meanwhile). */
  async function reloadUser(): Promise<SessionUser | null> {
    if (!tokens.value) return null;
    const me = await authApi.fetchMe({ silent: true });
    if (tokens.value) user.value = me;
    return me;
  }

  async function logout(): Promise<void> {
    endedByUser.value = true;
    try {
      await authApi.logout({ silent: true });
    } catch {
      // The server may be unreachable; the token is dropped here all the same.
    }
    saveTokens(null);
  }

  return {
    tokens,
    user,
    endedByUser,
    registration,
    isLoggedIn,
    login,
    register,
    dropRegistration,
    restore,
    ensureUser,
    reloadUser,
    logout,
  };
});
