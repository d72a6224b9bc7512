import { ref, shallowRef, type Ref, type ShallowRef } from 'vue';

export interface Loader<T> {
  data: ShallowRef<T>;
  loading: Ref<boolean>;
  error: ShallowRef<unknown>;
  /** True once a load has finished, so "empty" is never shown before the first answer. */
  loaded: Ref<boolean>;
  load: () => Promise<void>;
}

/** Loading, error and data of one read; a newer load wins over a slower older one. */
export function useLoader<T>(fetcher: () => Promise<T>, initial: T): Loader<T> {
  const data = shallowRef(initial);
  const loading = ref(false);
  const loaded = ref(false);
  const error = shallowRef<unknown>(null);
  let sequence = 0;

  async function load() {
    const id = ++sequence;
    loading.value = true;
    error.value = null;
    try {
      const result = await fetcher();
      if (id === sequence) data.value = result;
    } catch (err) {
      if (id === sequence) error.value = err;
    } finally {
      if (id === sequence) {
        loading.value = false;
        loaded.value = true;
      }
    }
  }

  return { data, loading, error, loaded, load };
}
