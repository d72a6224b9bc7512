import { onScopeDispose } from 'vue';
import { useRooms } from '@/realtime/useRooms';
import type { FollowUpPushListener } from '@/stores/realtime';

/**
 * The follow-up pushes (`followup.updated|overdue|completed`) of the rooms a page shows, while
 * it is open; the page keeps what concerns it.
 */
export function useFollowUpFeed(rooms: () => string[], onPush: FollowUpPushListener) {
  const realtime = useRooms(rooms);
  const stopListening = realtime.listenFollowUps(onPush);
  onScopeDispose(stopListening);
  return realtime;
}
