import { onScopeDispose } from 'vue';
import { useRooms } from '@/realtime/useRooms';
import type { MeetingPushListener } from '@/stores/realtime';

/** The meeting pushes (`meeting.updated`) of the rooms a page shows, while it is open. */
export function useMeetingFeed(rooms: () => string[], onPush: MeetingPushListener) {
  const realtime = useRooms(rooms);
  const stopListening = realtime.listenMeetings(onPush);
  onScopeDispose(stopListening);
  return realtime;
}
