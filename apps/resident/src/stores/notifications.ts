import type { ResidentNotification } from '@baitong/contracts';
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import {
  getUnreadNotifications,
  listNotifications,
  markNotificationsSeen,
} from '@/api/notifications';
import { newestId } from '@/utils/notifications';

export const NOTIFICATION_PAGE_SIZE = 20;
/** Pushes come in bursts (a meeting decides several items at once): one count read per burst. */
const PUSH_SETTLE_MS = 400;

/**
 * The resident's inbox (消息): the unread count behind the bell, kept by reading it again when
 * the live connection (re)joins and after each burst of pushes, and the pages once opened. What a
 * push means is the server's to say (own acts are no news), so the store never counts pushes.
 */
export const useNotificationsStore = defineStore('notifications', () => {
  const unread = ref(0);
  const seenUpTo = ref<string | null>(null);
  const items = ref<ResidentNotification[]>([]);
  const nextBefore = ref<string | null>(null);
  const loaded = ref(false);
  const loading = ref(false);
  const loadingMore = ref(false);
  const error = shallowRef<unknown>(null);
  const moreError = shallowRef<unknown>(null);
  /** The newest entry that arrived while the app was open: the banner tells of it. */
  const arrived = shallowRef<ResidentNotification | null>(null);
  let generation = 0;
  // The first count of a session is the backlog, not news: only later growth is announced.
  let counted = false;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const finished = computed(() => loaded.value && nextBefore.value === null);

  async function refreshCount(): Promise<void> {
    const mine = generation;
    try {
      const count = await getUnreadNotifications({ silent: true });
      if (mine !== generation) return;
      const grew = counted && count.unread > unread.value;
      counted = true;
      unread.value = count.unread;
      seenUpTo.value = count.seenUpTo;
      if (grew || loaded.value) await refreshFirst(grew);
    } catch {
      // The bell keeps its last count; the next push or reconnect tries again.
    }
  }

  /** Reads the newest page again, keeping older pages already loaded. */
  async function refreshFirst(announce: boolean): Promise<void> {
    const mine = generation;
    const page = await listNotifications({ limit: NOTIFICATION_PAGE_SIZE }, { silent: true });
    if (mine !== generation) return;
    const known = new Set(items.value.map((n) => n.id));
    const fresh = page.items.filter((n) => !known.has(n.id));
    if (announce && fresh[0] && (items.value.length === 0 || !known.has(fresh[0].id)))
      arrived.value = fresh[0];
    if (loaded.value) items.value = [...fresh, ...items.value];
    unread.value = page.unread;
    seenUpTo.value = page.seenUpTo;
  }

  /** A push reached the resident's room: read the count once the burst has settled. */
  function pushed(): void {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      void refreshCount();
    }, PUSH_SETTLE_MS);
  }

  async function load(): Promise<void> {
    const mine = ++generation;
    loading.value = true;
    try {
      const page = await listNotifications({ limit: NOTIFICATION_PAGE_SIZE }, { silent: true });
      if (mine !== generation) return;
      items.value = page.items;
      nextBefore.value = page.nextBefore;
      unread.value = page.unread;
      seenUpTo.value = page.seenUpTo;
      loaded.value = true;
      error.value = null;
    } catch (e) {
      if (mine === generation) error.value = e;
    } finally {
      if (mine === generation) loading.value = false;
    }
  }

  async function loadMore(): Promise<void> {
    if (!nextBefore.value || loadingMore.value) return;
    const mine = generation;
    loadingMore.value = true;
    try {
      const page = await listNotifications(
        { before: nextBefore.value, limit: NOTIFICATION_PAGE_SIZE },
        { silent: true },
      );
      if (mine !== generation) return;
      const known = new Set(items.value.map((n) => n.id));
      items.value = [...items.value, ...page.items.filter((n) => !known.has(n.id))];
      nextBefore.value = page.nextBefore;
      moreError.value = null;
    } catch (e) {
      if (mine === generation) moreError.value = e;
    } finally {
      loadingMore.value = false;
    }
  }

  /** Everything listed has been seen: the mark moves to the newest entry. */
  async function markSeen(): Promise<void> {
    const newest = items.value[0]?.id ?? null;
    if (!newest || newestId(seenUpTo.value, newest) === seenUpTo.value) return;
    const count = await markNotificationsSeen(newest, { silent: true }).catch(() => null);
    if (!count) return;
    unread.value = count.unread;
    seenUpTo.value = count.seenUpTo;
  }

  function dismissArrived(): void {
    arrived.value = null;
  }

  function reset(): void {
    generation++;
    counted = false;
    if (timer) clearTimeout(timer);
    timer = null;
    unread.value = 0;
    seenUpTo.value = null;
    items.value = [];
    nextBefore.value = null;
    loaded.value = false;
    loading.value = false;
    error.value = null;
    moreError.value = null;
    arrived.value = null;
  }

  return {
    unread,
    seenUpTo,
    items,
    nextBefore,
    loaded,
    loading,
    loadingMore,
    error,
    moreError,
    finished,
    arrived,
    refreshCount,
    pushed,
    load,
    loadMore,
    markSeen,
    dismissArrived,
    reset,
  };
});
