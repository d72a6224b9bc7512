import {
  createRouter,
  createWebHistory,
  type RouteLocationRaw,
  type Router,
  type RouterHistory,
} from 'vue-router';
import { useAuthStore } from '@/stores/auth';
import { routes } from '@/router/routes';

/** Only same-app paths are followed after login, never another site. */
export function safeRedirect(value: unknown): string {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//')
    ? value
    : '/';
}

export function createAppRouter(history: RouterHistory = createWebHistory('/')): Router {
  const router = createRouter({
    history,
    routes,
    scrollBehavior: (_to, _from, saved) => saved ?? { top: 0 },
  });

  router.beforeEach(async (to): Promise<true | RouteLocationRaw> => {
    const auth = useAuthStore();
    // After a reload the session comes back from the refresh cookie, once; public pages need none.
    if (to.meta.requiresAuth || to.meta.guestOnly) await auth.restore();
    if (to.meta.guestOnly && auth.isLoggedIn) return { name: 'home' };
    if (!to.meta.requiresAuth) return true;
    const toLogin = { name: 'login', query: { redirect: to.fullPath } };
    if (!auth.isLoggedIn) return toLogin;
    try {
      await auth.ensureUser();
    } catch {
      // Offline or server trouble: the page explains it. A refused session is handled below.
    }
    return auth.isLoggedIn ? true : toLogin;
  });

  return router;
}
