import type {
  ProposalDetail,
  ProposalListItem,
  ProposalPush,
  ProposalSummary,
} from '@baitong/contracts';
import { defineStore } from 'pinia';
import { computed, reactive, ref, shallowRef } from 'vue';
import { listProposals, type ProposalQuery } from '@/api/proposals';
import { isNotOlder, type ProposalMarks } from '@/utils/proposals';

export const PROPOSAL_PAGE_SIZE = 20;

/**
 * The council proposals the resident browses: one list (a filter and a search), the resident's
 * own support and follow marks (from the list's rows, then as the detail pages report them), and
 * the live `proposal.updated` pushes of the resident's room.
 */
export const useProposalsStore = defineStore('proposals', () => {
  const items = ref<ProposalSummary[]>([]);
  const total = ref(0);
  const page = ref(0);
  const loaded = ref(false);
  const loading = ref(false);
  const loadingMore = ref(false);
  const listError = shallowRef<unknown>(null);
  const moreError = shallowRef<unknown>(null);
  let query: Omit<ProposalQuery, 'page' | 'pageSize'> = {};
  let controller: AbortController | null = null;

  const finished = computed(() => loaded.value && items.value.length >= total.value);

  const marks = reactive(new Map<string, ProposalMarks>());

  /** The list says whether the resident supports each row now; a detail page knows more. */
  function markRows(rows: ProposalListItem[]): void {
    for (const row of rows) {
      const known = marks.get(row.id);
      const support = row.supportedByMe
        ? 'active'
        : known?.support === 'withdrawn'
          ? 'withdrawn'
          : 'none';
      marks.set(row.id, { support, following: row.followedByMe });
    }
  }

  /** Loads the first page for a filter and search (a new one replaces the list). */
  async function load(next: Omit<ProposalQuery, 'page' | 'pageSize'>): Promise<void> {
    controller?.abort();
    const mine = new AbortController();
    controller = mine;
    if (JSON.stringify(next) !== JSON.stringify(query)) {
      items.value = [];
      loaded.value = false;
    }
    query = next;
    loading.value = true;
    try {
      const result = await listProposals(
        { ...next, page: 1, pageSize: PROPOSAL_PAGE_SIZE },
        { signal: mine.signal, silent: true },
      );
      items.value = result.items;
      markRows(result.items);
      total.value = result.total;
      page.value = 1;
      loaded.value = true;
      listError.value = null;
      moreError.value = null;
    } catch (error) {
      if (mine.signal.aborted) return;
      listError.value = error;
    } finally {
      if (controller === mine) {
        controller = null;
        loading.value = false;
      }
    }
  }

  async function loadMore(): Promise<void> {
    if (!loaded.value || finished.value || loadingMore.value || loading.value) return;
    loadingMore.value = true;
    try {
      const next = page.value + 1;
      const result = await listProposals(
        { ...query, page: next, pageSize: PROPOSAL_PAGE_SIZE },
        { silent: true },
      );
      markRows(result.items);
      const known = new Set(items.value.map((row) => row.id));
      items.value = [...items.value, ...result.items.filter((row) => !known.has(row.id))];
      page.value = next;
      total.value = result.items.length === 0 ? items.value.length : result.total;
      moreError.value = null;
    } catch (error) {
      moreError.value = error;
    } finally {
      loadingMore.value = false;
    }
  }

  /** A proposal's latest summary replaces its row in place. */
  function upsert(summary: ProposalSummary): void {
    const index = items.value.findIndex((row) => row.id === summary.id);
    if (index >= 0 && isNotOlder(summary, items.value[index]!)) {
      items.value.splice(index, 1, summary);
    }
  }

  /** The detail page's answer: its row and the resident's own marks. */
  function known(detail: ProposalDetail): void {
    upsert(detail);
    marks.set(detail.id, { support: detail.mySupport, following: detail.following });
  }

  // Pages that show one proposal listen for its pushes.
  const listeners = new Set<(push: ProposalPush) => void>();

  function onPush(listener: (push: ProposalPush) => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }

  function applyPush(push: ProposalPush): void {
    if (!push.proposal?.id) return;
    upsert(push.proposal);
    for (const listener of listeners) listener(push);
  }

  function reset(): void {
    controller?.abort();
    controller = null;
    query = {};
    items.value = [];
    total.value = 0;
    page.value = 0;
    loaded.value = false;
    loading.value = false;
    loadingMore.value = false;
    listError.value = null;
    moreError.value = null;
    marks.clear();
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
    marks,
    load,
    loadMore,
    upsert,
    known,
    onPush,
    applyPush,
    reset,
  };
});
