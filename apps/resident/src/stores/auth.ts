import type { SessionUser } from '@baitong/contracts';
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import * as authApi from '@/api/auth';
import { restoreSession } from '@/api/request';
import { onTokensChange, readTokens, saveTokens, type StoredTokens } from '@/api/token-storage';

export const useAuthStore = defineStore('auth', () => {
  const tokens = ref<StoredTokens | null>(readTokens());
  const user = ref<SessionUser | null>(null);
  /** True when the resident logged out themselves, false when the session expired. */
  const endedByUser = ref(false);

  const isLoggedIn = computed(() => tokens.value !== null);
  let restoring: Promise<void> | null = null;

  // The request client rotates or drops tokens on its own (refresh, 401); follow it.
  onTokensChange((next) => {
    // Signed in or out on this page: nothing is left to restore from a cookie.
    restoring ??= Promise.resolve();
    tokens.value = next;
    if (!next) user.value = null;
  });

  async function login(phone: string, code: string): Promise<SessionUser> {
    const response = await authApi.loginResident({ phone, code }, { toast: false });
    endedByUser.value = false;
    saveTokens({ accessToken: response.accessToken });
    user.value = response.user;
    return response.user;
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
      .fetchMe({ toast: false })
      .then((me) => {
        user.value = me;
        return me;
      })
      .finally(() => {
        loadingUser = null;
      });
    return loadingUser;
  }

  async function logout(): Promise<void> {
    endedByUser.value = true;
    try {
      await authApi.logout({ toast: false });
    } catch {
      // The server may be unreachable; the token is dropped here all the same.
    }
    saveTokens(null);
  }

  return { tokens, user, endedByUser, isLoggedIn, login, restore, ensureUser, logout };
});
