import type { RouteRecordRaw } from 'vue-router';
import {
  CASE_READER_ROLES,
  CASE_WORKER_ROLES,
  STAFF_CONSOLE_ROLES,
  SUPERVISOR_ROLES,
} from '@/permissions';

export const caseRoutes: RouteRecordRaw[] = [
  {
    path: 'workbench',
    name: 'workbench',
    component: () => import('@/views/cases/Workbench.vue'),
    meta: { titleKey: 'nav.workbench', roles: CASE_WORKER_ROLES },
  },
  {
    path: 'workbench/desks',
    name: 'community-desks',
    component: () => import('@/views/cases/CommunityDesks.vue'),
    meta: { titleKey: 'nav.allDesks', roles: ['community_admin'] },
  },
  {
    // The same list for roles that only read: across the communities of their scope.
    path: 'cases',
    name: 'cases',
    component: () => import('@/views/cases/Workbench.vue'),
    meta: { titleKey: 'nav.requests', roles: CASE_READER_ROLES },
  },
  {
    path: 'cases/new',
    name: 'case-intake',
    component: () => import('@/views/cases/Intake.vue'),
    meta: { titleKey: 'intake.title', roles: CASE_WORKER_ROLES },
  },
  {
    path: 'cases/:id',
    name: 'case-detail',
    component: () => import('@/views/cases/CaseDetail.vue'),
    meta: { titleKey: 'case.title', roles: STAFF_CONSOLE_ROLES },
  },
  {
    path: 'follow-ups',
    name: 'my-follow-ups',
    component: () => import('@/views/follow-ups/MyFollowUps.vue'),
    meta: { titleKey: 'nav.followUps', roles: CASE_WORKER_ROLES },
  },
  {
    // The community's figures, rework and appeals: for its admin, its street and the district.
    path: 'follow-ups/overview',
    name: 'follow-up-overview',
    component: () => import('@/views/follow-ups/FollowUpOverview.vue'),
    meta: { titleKey: 'nav.followUpOverview', roles: SUPERVISOR_ROLES },
  },
  {
    path: 'follow-ups/:id',
    name: 'follow-up-record',
    component: () => import('@/views/follow-ups/FollowUpRecord.vue'),
    meta: { titleKey: 'followUp.form.title', roles: CASE_WORKER_ROLES },
  },
  {
    path: 'categories',
    name: 'categories',
    component: () => import('@/views/cases/Categories.vue'),
    // Everyone may read the catalogue; only the bureau edits it.
    meta: { titleKey: 'nav.categories', roles: STAFF_CONSOLE_ROLES },
  },
];
