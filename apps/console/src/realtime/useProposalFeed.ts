import { onScopeDispose } from 'vue';
import { useRooms } from '@/realtime/useRooms';
import type { ProposalPushListener } from '@/stores/realtime';

/** The proposal pushes (`proposal.updated`) of the rooms a page shows, while it is open. */
export function useProposalFeed(rooms: () => string[], onPush: ProposalPushListener) {
  const realtime = useRooms(rooms);
  const stopListening = realtime.listenProposals(onPush);
  onScopeDispose(stopListening);
  return realtime;
}
