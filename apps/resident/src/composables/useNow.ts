import { onScopeDispose, shallowRef } from 'vue';

/** The current time, refreshed every `intervalMs`, for texts such as "opens tomorrow". */
export function useNow(intervalMs = 30_000) {
  const now = shallowRef(new Date());
  const timer = setInterval(() => {
    now.value = new Date();
  }, intervalMs);
  onScopeDispose(() => clearInterval(timer));
  return now;
}
