import type { RouteRecordRaw } from 'vue-router';
import { SUPERVISOR_ROLES } from '@/permissions';

export const auditRoutes: RouteRecordRaw[] = [
  {
    path: 'audit',
    name: 'audit',
    component: () => import('@/views/audit/AuditLog.vue'),
    meta: { titleKey: 'nav.audit', roles: SUPERVISOR_ROLES },
  },
];
