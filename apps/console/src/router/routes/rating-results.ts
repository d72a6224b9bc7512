import type { SessionUser } from '@baitong/contracts';
import { Medal } from '@element-plus/icons-vue';
import type { RouteRecordRaw } from 'vue-router';
import { COMMUNITY_ROLES, isCommunityRole, STAFF_CONSOLE_ROLES } from '@/permissions';
import type { MenuEntry } from '@/router/menu';

// The annual rating (issue 12), part "results": its routes and menu entries live here so that each
// part is one line in the shared router and menu files.

export const ratingResultsRoutes: RouteRecordRaw[] = [
  {
    path: 'ratings/runs/:runId/results',
    name: 'rating-results',
    component: () => import('@/views/ratings/results/RunResults.vue'),
    meta: { titleKey: 'ratingResults.title', roles: STAFF_CONSOLE_ROLES },
  },
  {
    path: 'ratings/runs/:runId/communities/:communityId',
    name: 'rating-scorecard',
    component: () => import('@/views/ratings/results/Scorecard.vue'),
    meta: { titleKey: 'ratingResults.scorecard.title', roles: STAFF_CONSOLE_ROLES },
  },
  {
    path: 'ratings/mine',
    name: 'rating-mine',
    component: () => import('@/views/ratings/results/MyRatings.vue'),
    meta: { titleKey: 'ratingResults.mine.title', roles: COMMUNITY_ROLES },
  },
];

/** 我的评定: a community's staff open their own community's scorecards. */
export function ratingResultsMenuEntries(
  user: SessionUser | null,
  homeCommunityId: string | null,
): MenuEntry[] {
  if (!user || !isCommunityRole(user) || !homeCommunityId) return [];
  return [
    {
      key: 'rating-mine',
      labelKey: 'ratingResults.mine.nav',
      icon: Medal,
      to: { name: 'rating-mine' },
      path: '/ratings/mine',
      testId: 'nav-rating-mine',
    },
  ];
}
