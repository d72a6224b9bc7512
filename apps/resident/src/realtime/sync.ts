import { onScopeDispose, watch } from 'vue';
import { renewSession } from '@/api/request';
import { startRealtime, stopRealtime } from '@/realtime/socket';
import { useAuthStore } from '@/stores/auth';
import { useCasesStore } from '@/stores/cases';

/**
 * Keeps one live connection while a resident is signed in (and known), feeding pushes to the
 * requests store; disconnects and forgets the resident's requests on logout.
 */
export function useRealtimeSync(): void {
  const auth = useAuthStore();
  const cases = useCasesStore();

  watch(
    () => (auth.isLoggedIn && auth.user?.kind === 'resident' ? auth.user.id : null),
    (userId, previous) => {
      if (userId === previous) return;
      stopRealtime();
      if (previous) cases.reset();
      if (!userId) return;
      startRealtime({
        userId,
        getToken: () => auth.tokens?.accessToken ?? null,
        renew: renewSession,
        onPush: (push) => cases.applyPush(push),
      });
    },
    { immediate: true },
  );

  onScopeDispose(stopRealtime);
}
