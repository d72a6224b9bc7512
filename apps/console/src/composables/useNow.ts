import { onScopeDispose, shallowRef } from 'vue';

/** The current time in epoch milliseconds, refreshed every `intervalMs` (relative labels). */
export function useNow(intervalMs = 30_000) {
  const now = shallowRef(Date.now());
  const timer = setInterval(() => {
    now.value = Date.now();
  }, intervalMs);
  onScopeDispose(() => clearInterval(timer));
  return now;
}
