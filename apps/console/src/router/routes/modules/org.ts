import type { RouteRecordRaw } from 'vue-router';
import { ORG_BROWSER_ROLES, STAFF_CONSOLE_ROLES } from '@/permissions';

export const orgRoutes: RouteRecordRaw[] = [
  {
    path: 'streets',
    name: 'streets',
    component: () => import('@/views/org/Streets.vue'),
    meta: { titleKey: 'nav.streets', roles: ORG_BROWSER_ROLES },
  },
  {
    path: 'communities',
    name: 'communities',
    component: () => import('@/views/org/Communities.vue'),
    // Everyone may open the list; the API limits it to the caller's scope.
    meta: { titleKey: 'nav.communities', roles: STAFF_CONSOLE_ROLES },
  },
  {
    path: 'communities/:id',
    name: 'community-detail',
    component: () => import('@/views/org/CommunityDetail.vue'),
    meta: { titleKey: 'community.title', roles: STAFF_CONSOLE_ROLES },
  },
  {
    path: 'desks/:id',
    name: 'desk-detail',
    component: () => import('@/views/org/DeskDetail.vue'),
    meta: { titleKey: 'desk.title', roles: STAFF_CONSOLE_ROLES },
  },
];
