import type { FollowUpPage, FollowUpPush, FollowUpSummary } from '@baitong/contracts';
import { computed, onScopeDispose, reactive, ref, watch } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { listFollowUps } from '@/api/follow-ups';
import { useLoader } from '@/composables/useLoader';
import { useFollowUpFeed } from '@/realtime/useFollowUpFeed';
import { useAuthStore } from '@/stores/auth';
import {
  compareFollowUps,
  FOLLOW_UP_TABS,
  followUpQuery,
  isFollowUpTab,
  onFollowUpTab,
  type FollowUpTab,
} from '@/utils/follow-ups';

export const FOLLOW_UP_PAGE_SIZE = 20;
// Several pushes in a row (a burst of overdue marks) count the tabs again once.
const COUNT_DEBOUNCE_MS = 400;

const emptyPage = (): FollowUpPage => ({
  items: [],
  total: 0,
  page: 1,
  pageSize: FOLLOW_UP_PAGE_SIZE,
});

/**
 * The signed-in worker's open follow-ups: the tab, compound and page live in the address (so
 * "back" from the form returns to the same list), every tab is counted, and pushes to the
 * worker's room update the list in place.
 */
export function useFollowUpList() {
  const auth = useAuthStore();
  const route = useRoute();
  const router = useRouter();

  const tab = ref<FollowUpTab>(isFollowUpTab(route.query['tab']) ? route.query['tab'] : 'all');
  const compoundId = ref(
    typeof route.query['compound'] === 'string' ? route.query['compound'] : '',
  );
  const page = ref(Number(route.query['page']) > 0 ? Number(route.query['page']) : 1);

  const list = useLoader<FollowUpPage>(
    () =>
      listFollowUps(
        {
          ...followUpQuery(tab.value, compoundId.value || null),
          page: page.value,
          pageSize: FOLLOW_UP_PAGE_SIZE,
        },
        { silent: true },
      ),
    emptyPage(),
  );

  const counts = reactive<Record<FollowUpTab, number | null>>({
    all: null,
    today: null,
    overdue: null,
    retries: null,
  });
  let countSequence = 0;
  async function loadCounts() {
    const id = ++countSequence;
    const results = await Promise.allSettled(
      FOLLOW_UP_TABS.map((key) =>
        listFollowUps(
          { ...followUpQuery(key, compoundId.value || null), pageSize: 1 },
          { silent: true },
        ),
      ),
    );
    if (id !== countSequence) return;
    FOLLOW_UP_TABS.forEach((key, i) => {
      const r = results[i];
      counts[key] = r?.status === 'fulfilled' ? r.value.total : null;
    });
  }
  let countTimer: ReturnType<typeof setTimeout> | undefined;
  function countSoon() {
    clearTimeout(countTimer);
    countTimer = setTimeout(() => void loadCounts(), COUNT_DEBOUNCE_MS);
  }
  onScopeDispose(() => clearTimeout(countTimer));

  const pending: FollowUpPush[] = [];
  async function load() {
    await list.load();
    for (const push of pending.splice(0)) apply(push);
  }
  function reload() {
    void load();
    void loadCounts();
  }

  watch([tab, compoundId], () => {
    page.value = 1;
  });
  watch(
    () => [tab.value, compoundId.value, page.value] as const,
    ([t, compound, p], [, previousCompound]) => {
      void router.replace({
        query: {
          ...route.query,
          tab: t === 'all' ? undefined : t,
          compound: compound || undefined,
          page: p > 1 ? String(p) : undefined,
        },
      });
      void load();
      if (compound !== previousCompound) void loadCounts();
    },
  );

  // Live: the assignee's room carries every change to their tasks (and a reassignment away).

  function belongs(f: FollowUpSummary): boolean {
    if (f.assigneeId !== auth.user?.id) return false;
    if (compoundId.value && f.compoundId !== compoundId.value) return false;
    return onFollowUpTab(tab.value, f, Date.now());
  }

  function apply(push: FollowUpPush) {
    const f = push.followUp;
    const current = list.data.value;
    const index = current.items.findIndex((row) => row.id === f.id);
    if (index >= 0) {
      const items = [...current.items];
      if (belongs(f)) items[index] = f;
      else items.splice(index, 1);
      const total = current.total - (items.length < current.items.length ? 1 : 0);
      list.data.value = { ...current, items, total };
    } else if (belongs(f)) {
      const items = [...current.items];
      const at = items.findIndex((row) => compareFollowUps(f, row) < 0);
      const position = at === -1 ? items.length : at;
      const lastPage = current.page * current.pageSize >= current.total;
      // One that sorts onto another page is only counted.
      if ((page.value === 1 || position > 0) && (position < items.length || lastPage)) {
        items.splice(position, 0, f);
        if (items.length > FOLLOW_UP_PAGE_SIZE) items.pop();
      }
      list.data.value = { ...current, items, total: current.total + 1 };
    }
    countSoon();
  }

  const realtime = useFollowUpFeed(
    () => (auth.user ? [`user:${auth.user.id}`] : []),
    (push) => {
      if (list.loading.value) pending.push(push);
      else apply(push);
    },
  );
  // Back online without a replay (nothing had been seen yet): everything is asked again.
  watch(() => realtime.resyncs, reload);

  const items = computed<FollowUpSummary[]>(() => list.data.value.items);

  return { tab, compoundId, page, list, items, counts, load, reload };
}
