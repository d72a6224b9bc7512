import type { SessionUser } from '@baitong/contracts';
import { Avatar } from '@element-plus/icons-vue';
import type { RouteRecordRaw } from 'vue-router';
import { WORKFORCE_READER_ROLES } from '@/components/workforce/access';
import { isCommunityRole } from '@/permissions';
import type { MenuEntry } from '@/router/menu';

// The workforce roster (社区工作者名册): kept apart from the other modules so its routes and its
// menu entry are one line each in the shared files.

export const workforceRoutes: RouteRecordRaw[] = [
  {
    path: 'workforce',
    name: 'workforce',
    component: () => import('@/views/workforce/WorkforceList.vue'),
    meta: { titleKey: 'workforce.title', roles: WORKFORCE_READER_ROLES },
  },
  {
    path: 'workforce/:id',
    name: 'workforce-detail',
    component: () => import('@/views/workforce/WorkforceDetail.vue'),
    meta: { titleKey: 'workforce.detail.title', roles: WORKFORCE_READER_ROLES },
  },
];

/** The roster in the side menu: community staff need their community, the others pick one. */
export function workforceMenuEntry(
  user: SessionUser | null,
  homeCommunityId: string | null,
): MenuEntry[] {
  if (!user || !WORKFORCE_READER_ROLES.includes(user.role)) return [];
  if (isCommunityRole(user) && !homeCommunityId) return [];
  return [
    {
      key: 'workforce',
      labelKey: 'workforce.nav',
      icon: Avatar,
      to: { name: 'workforce' },
      path: '/workforce',
      testId: 'nav-workforce',
    },
  ];
}
