import type {
  CaseDetail,
  FollowUpDetail,
  ResidentFollowUp,
  ResidentRating,
} from '@baitong/contracts';
import { onScopeDispose, ref, shallowRef, watch, type Ref } from 'vue';
import { getCaseFollowUp } from '@/api/follow-ups';

/** The resident's rating as the rating call answered it: the attempt with method `app`. */
export function ratingOf(detail: FollowUpDetail): ResidentRating | null {
  const mine = [...detail.attempts].reverse().find((a) => a.method === 'app');
  if (!mine?.satisfaction || !mine.solved) return null;
  return {
    round: detail.round,
    satisfaction: mine.satisfaction,
    solved: mine.solved,
    comment: mine.notes,
    ratedAt: mine.recordedAt,
    verdict: detail.verdict,
  };
}

/** Follow-ups start when a request is resolved: one never resolved has none to ask about. */
function mayHaveFollowUps(c: CaseDetail): boolean {
  return (
    c.status === 'resolved' || c.status === 'closed' || c.resolvedAt !== null || c.reopenCount > 0
  );
}

/**
 * The follow-ups of the request on screen: loaded with it and again whenever it changes (a live
 * push reloads the request, e.g. when the community reopens it after a rating).
 */
export function useCaseFollowUp(item: Ref<CaseDetail | null>) {
  const view = ref<ResidentFollowUp | null>(null);
  const error = shallowRef<unknown>(null);
  let controller: AbortController | null = null;

  async function load(caseId: string): Promise<void> {
    controller?.abort();
    const mine = new AbortController();
    controller = mine;
    try {
      const next = await getCaseFollowUp(caseId, { silent: true, signal: mine.signal });
      if (mine.signal.aborted) return;
      view.value = next;
      error.value = null;
    } catch (e) {
      if (!mine.signal.aborted) error.value = e;
    }
  }

  function reload(): Promise<void> {
    return item.value ? load(item.value.id) : Promise.resolve();
  }

  /** Shows a rating just given at once, before the reload confirms it. */
  function rated(rating: ResidentRating): void {
    const id = item.value?.id;
    if (!id) return;
    const shown = view.value?.caseId === id ? view.value : null;
    view.value = {
      caseId: id,
      canRate: false,
      ratings: [...(shown?.ratings ?? []).filter((r) => r.round !== rating.round), rating],
      contacts: shown?.contacts ?? [],
    };
  }

  watch(
    () => (item.value ? `${item.value.id}:${item.value.version}:${item.value.status}` : null),
    (key, previous) => {
      const c = item.value;
      if (!key || !c) return;
      // Another request: never show the previous one's follow-ups meanwhile.
      if (previous?.split(':')[0] !== c.id) view.value = null;
      if (mayHaveFollowUps(c)) void load(c.id);
    },
    { immediate: true },
  );

  onScopeDispose(() => controller?.abort());

  return { view, error, reload, rated };
}
