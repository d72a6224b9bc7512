import type { RouteRecordRaw } from 'vue-router';
import { COMMUNITY_ROLES } from '@/permissions';

export const peopleRoutes: RouteRecordRaw[] = [
  {
    // Self-registrations waiting for the community's staff to verify or merge them.
    path: 'residents/checks',
    name: 'resident-checks',
    component: () => import('@/views/people/ResidentChecks.vue'),
    meta: { titleKey: 'nav.residentChecks', roles: COMMUNITY_ROLES },
  },
];
