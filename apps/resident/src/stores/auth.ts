import type { SessionUser } from '@baitong/contracts';
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import * as authApi from '@/api/auth';
import { onTokensChange, readTokens, saveTokens, type StoredTokens } from '@/api/token-storage';

export const useAuthStore = defineStore('auth', () => {
  const tokens = ref<StoredTokens | null>(readTokens());
  const user = ref<SessionUser | null>(null);
  /** True when the resident logged out themselves, false when the session expired. */
  const endedByUser = ref(false);

  const isLoggedIn = computed(() => tokens.value !== null);

  // The request client rotates or drops tokens on its own (refresh, 401); follow it.
  onTokensChange((next) => {
    tokens.value = next;
    if (!next) user.value = null;
  });

  async function login(phone: string, code: string): Promise<SessionUser> {
    const response = await authApi.loginResident({ phone, code }, { toast: false });
    endedByUser.value = false;
    saveTokens({ accessToken: response.accessToken, refreshToken: response.refreshToken });
    user.value = response.user;
    return response.user;
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
    if (tokens.value) {
      try {
        await authApi.logout({ toast: false });
      } catch {
        // The server may be unreachable; the tokens are dropped here all the same.
      }
    }
    saveTokens(null);
  }

  return { tokens, user, endedByUser, isLoggedIn, login, ensureUser, logout };
});
