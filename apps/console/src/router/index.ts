import { createRouter, createWebHistory, type RouterHistory } from 'vue-router';
import '@/router/types';
import { installAuthGuard } from '@/router/guard';
import { routes } from '@/router/routes';

export function createAppRouter(
  history: RouterHistory = createWebHistory(import.meta.env.BASE_URL),
) {
  const router = createRouter({
    history,
    routes,
    scrollBehavior: (_to, _from, saved) => saved ?? { top: 0 },
  });
  installAuthGuard(router);
  return router;
}
