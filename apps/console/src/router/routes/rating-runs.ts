import type { Role, SessionUser } from '@baitong/contracts';
import { Medal } from '@element-plus/icons-vue';
import type { RouteRecordRaw } from 'vue-router';
import type { MenuEntry } from '@/router/menu';

// The annual rating (issue 12), part "runs": its routes and menu entries live here so that each
// part is one line in the shared router and menu files.

/** Who opens the runs: the district (all runs), street and community staff (from the review on). */
const RUN_READERS: Role[] = [
  'bureau_admin',
  'monitor',
  'street_admin',
  'community_admin',
  'community_worker',
  'desk_staff',
  'grid_worker',
];
/**
 * The menu entry "评定": the bureau, the monitor and street admins. A community's staff reach
 * their run (and the 复核申请 form) from 我的评定, which keeps their menu on one screen.
 */
const MENU_ROLES: Role[] = ['bureau_admin', 'monitor', 'street_admin'];

export const ratingRunsRoutes: RouteRecordRaw[] = [
  {
    path: 'ratings/runs',
    name: 'rating-runs',
    component: () => import('@/views/ratings/runs/RatingRunsList.vue'),
    meta: { titleKey: 'ratingRuns.title', roles: RUN_READERS },
  },
  {
    path: 'ratings/runs/:id',
    name: 'rating-run',
    component: () => import('@/views/ratings/runs/RatingRunDetail.vue'),
    meta: { titleKey: 'ratingRuns.title', roles: RUN_READERS },
  },
];

export function ratingRunsMenuEntries(
  user: SessionUser | null,
  _homeCommunityId: string | null,
): MenuEntry[] {
  if (!user || !MENU_ROLES.includes(user.role)) return [];
  return [
    {
      key: 'rating-runs',
      labelKey: 'ratingRuns.nav',
      icon: Medal,
      to: { name: 'rating-runs' },
      path: '/ratings/runs',
      testId: 'nav-rating-runs',
    },
  ];
}
