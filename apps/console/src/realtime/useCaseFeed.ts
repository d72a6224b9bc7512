import { onScopeDispose } from 'vue';
import { useRooms } from '@/realtime/useRooms';
import type { PushListener } from '@/stores/realtime';

/**
 * Joins the rooms a page shows (following them as they change) and hands the page every case
 * push while it is open. Pushes arrive from every joined room: the page keeps what concerns it.
 */
export function useCaseFeed(rooms: () => string[], onPush: PushListener) {
  const realtime = useRooms(rooms);
  const stopListening = realtime.listen(onPush);
  onScopeDispose(stopListening);
  return realtime;
}
