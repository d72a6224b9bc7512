import { onBeforeUnmount, onMounted, ref } from 'vue';

export const MOBILE_QUERY = '(max-width: 768px)';

/** Whether the viewport is phone-sized; follows rotation and resizing. */
export function useIsMobile() {
  // Read at once so a phone never renders the desktop layout first.
  const isMobile = ref(
    typeof window.matchMedia === 'function' && window.matchMedia(MOBILE_QUERY).matches,
  );
  let query: MediaQueryList | null = null;
  const update = () => {
    isMobile.value = query?.matches ?? false;
  };
  onMounted(() => {
    if (typeof window.matchMedia !== 'function') return;
    query = window.matchMedia(MOBILE_QUERY);
    update();
    query.addEventListener('change', update);
  });
  onBeforeUnmount(() => query?.removeEventListener('change', update));
  return isMobile;
}
