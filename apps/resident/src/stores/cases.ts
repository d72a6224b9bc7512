import type { CaseDetail, CaseEvent, CasePush, CaseSummary } from '@baitong/contracts';
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { ApiRequestError } from '@/api/api-error';
import { getCase, listCaseEvents, listCases } from '@/api/cases';
import { newestFirst } from '@/utils/cases';

export const PAGE_SIZE = 20;

/** A newer (or equally new) copy of a case may replace the one shown; an older one may not. */
function isNotOlder(next: CaseSummary, shown: CaseSummary): boolean {
  return next.version >= shown.version;
}

/**
 * The resident's requests: the list (paged, newest first) and the one open on the detail page,
 * both kept current by live pushes (see `src/realtime/socket.ts`).
 */
export const useCasesStore = defineStore('cases', () => {
  // ---- the list -------------------------------------------------------------------------
  const items = ref<CaseSummary[]>([]);
  const total = ref(0);
  const page = ref(0);
  const loaded = ref(false);
  const loading = ref(false);
  const loadingMore = ref(false);
  const listError = shallowRef<unknown>(null);
  const moreError = shallowRef<unknown>(null);

  const finished = computed(() => loaded.value && items.value.length >= total.value);

  let listController: AbortController | null = null;
  // Pushes that arrive while page 1 is loading must not be lost when the page replaces the list.
  let pushedWhileLoading = new Map<string, CaseSummary>();

  function merge(rows: CaseSummary[], base: CaseSummary[]): CaseSummary[] {
    const byId = new Map(base.map((row) => [row.id, row]));
    for (const row of rows) {
      const shown = byId.get(row.id);
      if (!shown || isNotOlder(row, shown)) byId.set(row.id, row);
    }
    return [...byId.values()].sort(newestFirst);
  }

  /** Loads the first page again (first visit, pull to refresh). */
  async function refresh(options: { toast?: boolean } = {}): Promise<void> {
    listController?.abort();
    const controller = new AbortController();
    listController = controller;
    loading.value = true;
    pushedWhileLoading = new Map();
    try {
      const result = await listCases(
        { page: 1, pageSize: PAGE_SIZE },
        { signal: controller.signal, silent: !(options.toast ?? false) },
      );
      items.value = merge([...pushedWhileLoading.values()], merge(result.items, []));
      total.value = Math.max(result.total, items.value.length);
      page.value = 1;
      loaded.value = true;
      listError.value = null;
      moreError.value = null;
    } catch (error) {
      if (controller.signal.aborted) return;
      listError.value = error;
      throw error;
    } finally {
      if (listController === controller) {
        listController = null;
        loading.value = false;
      }
    }
  }

  /** The next page, appended (rows already shown are not repeated). */
  async function loadMore(): Promise<void> {
    if (!loaded.value || finished.value || loadingMore.value || loading.value) return;
    loadingMore.value = true;
    try {
      const next = page.value + 1;
      const result = await listCases({ page: next, pageSize: PAGE_SIZE }, { silent: true });
      items.value = merge(result.items, items.value);
      page.value = next;
      // Rows pushed in since page 1 shift the pages; an empty page means the end either way.
      total.value = result.items.length === 0 ? items.value.length : result.total;
      moreError.value = null;
    } catch (error) {
      moreError.value = error;
    } finally {
      loadingMore.value = false;
    }
  }

  /** Puts a case's latest summary into the list: replaced in place, or added when new. */
  function upsert(summary: CaseSummary): void {
    if (loading.value) pushedWhileLoading.set(summary.id, summary);
    const index = items.value.findIndex((row) => row.id === summary.id);
    if (index >= 0) {
      const shown = items.value[index]!;
      if (isNotOlder(summary, shown)) items.value.splice(index, 1, summary);
      return;
    }
    if (!loaded.value) return;
    // Only a case that belongs among the rows loaded so far joins them (one created since the
    // list was fetched); an older one turns up when its page is loaded.
    const oldest = items.value.at(-1);
    const inWindow =
      finished.value ||
      !oldest ||
      Date.parse(summary.submittedAt) >= Date.parse(oldest.submittedAt);
    if (!inWindow) return;
    items.value = merge([summary], items.value);
    total.value += 1;
  }

  // ---- the open request -----------------------------------------------------------------
  const openId = ref<string | null>(null);
  const detail = ref<CaseDetail | null>(null);
  const events = ref<CaseEvent[]>([]);
  const detailLoading = ref(false);
  const detailError = shallowRef<unknown>(null);
  const notFound = ref(false);

  let detailController: AbortController | null = null;
  let detailRun: Promise<void> | null = null;
  let detailAgain = false;

  async function fetchDetail(id: string, signal: AbortSignal): Promise<void> {
    const [nextDetail, nextEvents] = await Promise.all([
      getCase(id, { signal, silent: true }),
      listCaseEvents(id, { signal, silent: true }),
    ]);
    if (signal.aborted || openId.value !== id) return;
    detail.value = nextDetail;
    events.value = nextEvents;
    detailError.value = null;
    notFound.value = false;
    upsert(nextDetail);
  }

  /** Loads (or reloads) the open request and its timeline; calls made meanwhile share one. */
  function reloadDetail(): Promise<void> {
    const id = openId.value;
    if (!id) return Promise.resolve();
    if (detailRun) {
      detailAgain = true;
      return detailRun;
    }
    detailController = new AbortController();
    const controller = detailController;
    detailLoading.value = true;
    detailRun = (async () => {
      try {
        do {
          detailAgain = false;
          await fetchDetail(id, controller.signal);
        } while (detailAgain && !controller.signal.aborted);
      } catch (error) {
        if (controller.signal.aborted) return;
        detailError.value = error;
        notFound.value = error instanceof ApiRequestError && error.code === 'NOT_FOUND';
      } finally {
        if (detailController === controller) {
          detailLoading.value = false;
          detailRun = null;
          detailController = null;
        }
      }
    })();
    return detailRun;
  }

  /** The detail page shows `id`: start from what the list knows and load the rest. */
  function open(id: string): Promise<void> {
    if (openId.value !== id) {
      close();
      openId.value = id;
    }
    return reloadDetail();
  }

  function close(): void {
    detailController?.abort();
    detailController = null;
    detailRun = null;
    detailAgain = false;
    openId.value = null;
    detail.value = null;
    events.value = [];
    detailError.value = null;
    notFound.value = false;
    detailLoading.value = false;
  }

  /** A created request joins the list at once, before any push says so. */
  function created(item: CaseDetail): void {
    upsert(item);
  }

  // ---- live pushes ----------------------------------------------------------------------

  /**
   * A pushed `case.*` event: the list row is patched with the pushed summary (no re-fetch);
   * the open request is patched at once and re-fetched with its timeline.
   */
  function applyPush(push: CasePush): void {
    const summary = push.case;
    if (!summary?.id) return;
    upsert(summary);
    if (openId.value === summary.id) {
      if (detail.value && isNotOlder(summary, detail.value)) {
        detail.value = { ...detail.value, ...summary };
      }
      void reloadDetail();
    }
  }

  /** Forgets everything (logout, another resident). */
  function reset(): void {
    listController?.abort();
    listController = null;
    close();
    items.value = [];
    total.value = 0;
    page.value = 0;
    loaded.value = false;
    loading.value = false;
    loadingMore.value = false;
    listError.value = null;
    moreError.value = null;
  }

  return {
    items,
    total,
    loaded,
    loading,
    loadingMore,
    listError,
    moreError,
    finished,
    refresh,
    loadMore,
    upsert,
    openId,
    detail,
    events,
    detailLoading,
    detailError,
    notFound,
    open,
    close,
    reloadDetail,
    created,
    applyPush,
    reset,
  };
});
