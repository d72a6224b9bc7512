import { computed } from 'vue';
import { useAuthStore } from '@/stores/auth';

/** The signed-in resident's community (their session's scope), or null before it is known. */
export function useCommunityId() {
  const auth = useAuthStore();
  return computed(() => (auth.user?.scope.level === 'community' ? auth.user.scope.id : null));
}
