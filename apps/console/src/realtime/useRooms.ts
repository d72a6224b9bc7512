import { onScopeDispose, watch } from 'vue';
import { useRealtimeStore } from '@/stores/realtime';

/** Joins the rooms a page shows, following them as they change, and leaves them with the page. */
export function useRooms(rooms: () => string[]) {
  const realtime = useRealtimeStore();
  let leaves = new Map<string, () => void>();

  watch(
    () => [...new Set(rooms().filter(Boolean))].sort().join('|'),
    (key) => {
      const wanted = new Set(key ? key.split('|') : []);
      const next = new Map<string, () => void>();
      for (const room of wanted) next.set(room, leaves.get(room) ?? realtime.join(room));
      for (const [room, leave] of leaves) if (!wanted.has(room)) leave();
      leaves = next;
    },
    { immediate: true },
  );

  onScopeDispose(() => {
    for (const leave of leaves.values()) leave();
    leaves.clear();
  });

  return realtime;
}
