import { computed, onScopeDispose, readonly, ref } from 'vue';

/** Seconds left until a deadline, ticking once a second; measured against the clock so a
 * throttled background tab still ends on time. */
export function useCountdown() {
  const remaining = ref(0);
  let endsAt = 0;
  let timer: ReturnType<typeof setInterval> | undefined;

  function stop(): void {
    if (timer !== undefined) clearInterval(timer);
    timer = undefined;
    remaining.value = 0;
  }

  function tick(): void {
    remaining.value = Math.max(0, Math.ceil((endsAt - Date.now()) / 1000));
    if (remaining.value === 0) stop();
  }

  function start(seconds: number): void {
    stop();
    if (!(seconds > 0)) return;
    endsAt = Date.now() + seconds * 1000;
    remaining.value = Math.ceil(seconds);
    timer = setInterval(tick, 1000);
  }

  onScopeDispose(stop);

  return {
    remaining: readonly(remaining),
    active: computed(() => remaining.value > 0),
    start,
    stop,
  };
}
