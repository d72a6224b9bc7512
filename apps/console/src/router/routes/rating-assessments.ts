import type { Role, SessionUser } from '@baitong/contracts';
import { Checked, Edit, Files, Flag } from '@element-plus/icons-vue';
import type { RouteRecordRaw } from 'vue-router';
import type { MenuEntry } from '@/router/menu';

// The annual rating (issue 12), part "assessments": its routes and menu entries live here so that each
// part is one line in the shared router and menu files.

const STAFF: Role[] = [
  'grid_worker',
  'desk_staff',
  'community_worker',
  'community_admin',
  'street_admin',
  'bureau_admin',
  'monitor',
];
/** Who scores: the district inspectors (bureau), the monitor, street admins (cross-inspection). */
export const RATING_ASSESSOR_ROLES: Role[] = ['bureau_admin', 'monitor', 'street_admin'];

export const ratingAssessmentsRoutes: RouteRecordRaw[] = [
  {
    path: 'ratings/frameworks',
    name: 'rating-frameworks',
    component: () => import('@/views/ratings/assessments/FrameworkList.vue'),
    meta: { titleKey: 'ratingAssess.frameworks.title', roles: STAFF },
  },
  {
    path: 'ratings/frameworks/:id',
    name: 'rating-framework',
    component: () => import('@/views/ratings/assessments/FrameworkDetail.vue'),
    meta: { titleKey: 'ratingAssess.frameworks.detailTitle', roles: STAFF },
  },
  {
    path: 'ratings/campaign',
    name: 'rating-campaign',
    component: () => import('@/views/ratings/assessments/CampaignPage.vue'),
    meta: { titleKey: 'ratingAssess.campaign.title', roles: RATING_ASSESSOR_ROLES },
  },
  {
    path: 'ratings/assess',
    name: 'rating-assess',
    component: () => import('@/views/ratings/assessments/AssessEntry.vue'),
    meta: { titleKey: 'ratingAssess.entry.title', roles: RATING_ASSESSOR_ROLES },
  },
  {
    path: 'ratings/disqualifications',
    name: 'rating-disqualifications',
    component: () => import('@/views/ratings/assessments/Disqualifications.vue'),
    meta: { titleKey: 'ratingAssess.disq.title', roles: STAFF },
  },
];

export function ratingAssessmentsMenuEntries(
  user: SessionUser | null,
  _homeCommunityId: string | null,
): MenuEntry[] {
  if (!user) return [];
  const entries: MenuEntry[] = [];
  if (RATING_ASSESSOR_ROLES.includes(user.role))
    entries.push({
      key: 'rating-assess',
      labelKey: 'ratingAssess.nav.entry',
      icon: Edit,
      to: { name: 'rating-assess' },
      path: '/ratings/assess',
      testId: 'nav-rating-assess',
    });
  if (RATING_ASSESSOR_ROLES.includes(user.role))
    entries.push({
      key: 'rating-campaign',
      labelKey: 'ratingAssess.nav.campaign',
      icon: Checked,
      to: { name: 'rating-campaign' },
      path: '/ratings/campaign',
      testId: 'nav-rating-campaign',
    });
  if (STAFF.includes(user.role))
    entries.push(
      {
        key: 'rating-frameworks',
        labelKey: 'ratingAssess.nav.frameworks',
        icon: Files,
        to: { name: 'rating-frameworks' },
        path: '/ratings/frameworks',
        testId: 'nav-rating-frameworks',
      },
      {
        key: 'rating-disqualifications',
        labelKey: 'ratingAssess.nav.disq',
        icon: Flag,
        to: { name: 'rating-disqualifications' },
        path: '/ratings/disqualifications',
        testId: 'nav-rating-disqualifications',
      },
    );
  return entries;
}
