import type { SessionUser } from '@baitong/contracts';
import { Medal } from '@element-plus/icons-vue';
import type { RouteRecordRaw } from 'vue-router';
import { STAFF_CONSOLE_ROLES } from '@/permissions';
import type { MenuEntry } from '@/router/menu';

// The annual rating (issue 12), part "history": its routes and menu entries live here so that each
// part is one line in the shared router and menu files.

const BROWSERS = ['bureau_admin', 'monitor', 'street_admin'] as const;

export const ratingHistoryRoutes: RouteRecordRaw[] = [
  {
    path: 'ratings/history',
    name: 'rating-history',
    component: () => import('@/views/ratings/history/RatingGradeHistory.vue'),
    meta: { titleKey: 'ratingHistory.title', roles: BROWSERS },
  },
  {
    path: 'ratings/history/communities/:communityId',
    name: 'rating-history-community',
    component: () => import('@/views/ratings/history/CommunityRatingHistory.vue'),
    meta: { titleKey: 'ratingHistory.communityTitle', roles: STAFF_CONSOLE_ROLES },
  },
];

/** The district and streets browse every year; community staff reach theirs from 我的评定. */
export function ratingHistoryMenuEntries(
  user: SessionUser | null,
  _homeCommunityId: string | null,
): MenuEntry[] {
  if (!user) return [];
  if ((BROWSERS as readonly string[]).includes(user.role))
    return [
      {
        key: 'rating-history',
        labelKey: 'ratingHistory.nav',
        icon: Medal,
        to: { name: 'rating-history' },
        path: '/ratings/history',
        testId: 'nav-rating-history',
      },
    ];
  // Community staff open their 历年评定 from 我的评定 (one menu entry for the rating).
  return [];
}
