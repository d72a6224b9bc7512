import type { RouteRecordRaw } from 'vue-router';
import AppLayout from '@/layouts/AppLayout.vue';
import { STAFF_CONSOLE_ROLES } from '@/permissions';
import { auditRoutes } from '@/router/routes/modules/audit';
import { authRoutes } from '@/router/routes/modules/auth';
import { caseRoutes } from '@/router/routes/modules/cases';
import { councilRoutes } from '@/router/routes/modules/council';
import { metricRoutes } from '@/router/routes/modules/metrics';
import { orgRoutes } from '@/router/routes/modules/org';
import { peopleRoutes } from '@/router/routes/modules/people';
import { workforceRoutes } from '@/router/routes/workforce';
import { ratingAssessmentsRoutes } from '@/router/routes/rating-assessments';
import { ratingRunsRoutes } from '@/router/routes/rating-runs';
import { ratingResultsRoutes } from '@/router/routes/rating-results';
import { ratingHistoryRoutes } from '@/router/routes/rating-history';
import { open311Routes } from '@/router/routes/open311';

export const routes: RouteRecordRaw[] = [
  ...authRoutes,
  {
    path: '/',
    component: AppLayout,
    meta: { roles: STAFF_CONSOLE_ROLES },
    children: [
      {
        path: '',
        name: 'home',
        component: () => import('@/views/Home.vue'),
        meta: { titleKey: 'nav.home' },
      },
      ...caseRoutes,
      ...councilRoutes,
      ...metricRoutes,
      ...orgRoutes,
      ...peopleRoutes,
      ...workforceRoutes,
      ...ratingAssessmentsRoutes,
      ...ratingRunsRoutes,
      ...ratingResultsRoutes,
      ...ratingHistoryRoutes,
      ...open311Routes,
      ...auditRoutes,
      {
        path: 'forbidden',
        name: 'forbidden',
        component: () => import('@/views/errors/Forbidden.vue'),
        meta: { titleKey: 'errorPage.forbiddenTitle' },
      },
      {
        path: ':pathMatch(.*)*',
        name: 'not-found',
        component: () => import('@/views/errors/NotFound.vue'),
        meta: { titleKey: 'errorPage.notFoundTitle' },
      },
    ],
  },
];
