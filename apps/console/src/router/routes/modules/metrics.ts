import type { RouteRecordRaw } from 'vue-router';
import { STAFF_CONSOLE_ROLES, SUPERVISOR_ROLES } from '@/permissions';

export const metricRoutes: RouteRecordRaw[] = [
  {
    // The district table: the bureau's, the monitor's and each street's home page. A community
    // admin would see one row; their menu opens their community's dashboard instead.
    path: 'metrics',
    name: 'metrics',
    component: () => import('@/views/metrics/DistrictMetrics.vue'),
    meta: { titleKey: 'metrics.title', roles: SUPERVISOR_ROLES },
  },
  {
    // Every staff member reads the figures of the communities in scope (the API says 404 outside).
    path: 'metrics/communities/:id',
    name: 'metrics-community',
    component: () => import('@/views/metrics/CommunityMetrics.vue'),
    meta: { titleKey: 'metrics.communityTitle', roles: STAFF_CONSOLE_ROLES },
  },
  {
    path: 'metrics/communities/:id/:metric',
    name: 'metrics-rows',
    component: () => import('@/views/metrics/MetricRows.vue'),
    meta: { titleKey: 'metrics.rowsTitle', roles: STAFF_CONSOLE_ROLES },
  },
];
