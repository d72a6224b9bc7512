import { onScopeDispose, watch } from 'vue';
import { renewSession } from '@/api/request';
import { startRealtime, stopRealtime } from '@/realtime/socket';
import { useAuthStore } from '@/stores/auth';
import { useCasesStore } from '@/stores/cases';
import { useEvaluationsStore } from '@/stores/evaluations';
import { useFollowUpsStore } from '@/stores/follow-ups';
import { useNotificationsStore } from '@/stores/notifications';
import { useProposalsStore } from '@/stores/proposals';

/**
 * Keeps one live connection while a resident is signed in (and known), feeding pushes to the
 * requests, invitations, proposals, evaluation and inbox stores; disconnects and forgets them on
 * logout.
 */
export function useRealtimeSync(): void {
  const auth = useAuthStore();
  const cases = useCasesStore();
  const followUps = useFollowUpsStore();
  const proposals = useProposalsStore();
  const evaluations = useEvaluationsStore();
  const notifications = useNotificationsStore();

  watch(
    () => (auth.isLoggedIn && auth.user?.kind === 'resident' ? auth.user.id : null),
    (userId, previous) => {
      if (userId === previous) return;
      stopRealtime();
      if (previous) {
        cases.reset();
        followUps.reset();
        proposals.reset();
        evaluations.reset();
        notifications.reset();
      }
      if (!userId) return;
      startRealtime({
        userId,
        getToken: () => auth.tokens?.accessToken ?? null,
        renew: renewSession,
        // Joined (again): whatever came meanwhile is counted by the server.
        onSubscribed: (_room, ack) => {
          if (ack.ok) void notifications.refreshCount();
        },
        onPush: (push) => {
          notifications.pushed();
          if ('followUp' in push) followUps.applyPush(push);
          else if ('case' in push) cases.applyPush(push);
          else if ('proposal' in push) proposals.applyPush(push);
          else if ('invitation' in push) evaluations.applyPush(push);
        },
      });
    },
    { immediate: true },
  );

  onScopeDispose(stopRealtime);
}
