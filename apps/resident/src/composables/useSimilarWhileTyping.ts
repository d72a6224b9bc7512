import type { SimilarProposal } from '@baitong/contracts';
import { onBeforeUnmount, ref, watch, type Ref } from 'vue';
import { similarToText } from '@/api/proposals';

/** Wait this long after the last key before asking: one question per pause, not per letter. */
export const SIMILAR_DEBOUNCE_MS = 450;
/** Fewer characters than this say too little to compare. */
export const SIMILAR_MIN_TITLE = 2;

/**
 * The community's proposals like the one being written, asked again whenever the resident pauses
 * typing the title or the description; a newer question cancels the one on its way. A failure
 * only hides the help: writing the proposal never depends on it.
 */
export function useSimilarWhileTyping(title: Ref<string>, description: Ref<string>) {
  const items = ref<SimilarProposal[]>([]);
  const loading = ref(false);
  let timer: ReturnType<typeof setTimeout> | null = null;
  let controller: AbortController | null = null;
  let asked = '';

  async function ask(text: { title: string; description: string }): Promise<void> {
    controller?.abort();
    const mine = new AbortController();
    controller = mine;
    loading.value = true;
    try {
      const found = await similarToText(text, { signal: mine.signal, silent: true });
      if (!mine.signal.aborted) items.value = found;
    } catch {
      if (!mine.signal.aborted) items.value = [];
    } finally {
      if (controller === mine) {
        controller = null;
        loading.value = false;
      }
    }
  }

  watch([title, description], ([t, d]) => {
    if (timer) clearTimeout(timer);
    const text = { title: t.trim(), description: d.trim() };
    if (text.title.length < SIMILAR_MIN_TITLE) {
      controller?.abort();
      items.value = [];
      asked = '';
      return;
    }
    const key = `${text.title}\n${text.description}`;
    if (key === asked) return;
    timer = setTimeout(() => {
      asked = key;
      void ask(text);
    }, SIMILAR_DEBOUNCE_MS);
  });

  function dismiss(): void {
    items.value = [];
  }

  onBeforeUnmount(() => {
    if (timer) clearTimeout(timer);
    controller?.abort();
  });

  return { items, loading, dismiss };
}
