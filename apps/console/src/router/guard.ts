import type { Router } from 'vue-router';
import { useAuthStore } from '@/stores/auth';
import { landingRoute } from '@/router/landing';

export function installAuthGuard(router: Router): void {
  router.beforeEach(async (to) => {
    const auth = useAuthStore();
    // After a reload the session comes back from the refresh cookie, once.
    await auth.restore();
    if (to.meta.public) {
      if (to.name === 'login' && auth.isAuthenticated) {
        return landingRoute(auth.user, auth.homeCommunityId);
      }
      return true;
    }
    if (!auth.isAuthenticated) {
      return { name: 'login', query: to.fullPath === '/' ? {} : { redirect: to.fullPath } };
    }
    // Every matched record's roles apply, so a child cannot widen its parent.
    const allowed = to.matched.every(
      (record) => !record.meta.roles || auth.hasRole(...record.meta.roles),
    );
    if (!allowed) return { name: 'forbidden' };
    return true;
  });
}
