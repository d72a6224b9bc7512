import type { Role, SessionUser } from '@baitong/contracts';
import { Connection } from '@element-plus/icons-vue';
import type { RouteRecordRaw } from 'vue-router';
import type { MenuEntry } from '@/router/menu';

// Open311 client applications and their API keys (the bureau's page): kept apart from the other
// modules so its routes and its menu entry are one line each in the shared files.

/** The bureau issues and revokes keys; the monitor reads the list. */
export const OPEN311_READER_ROLES: Role[] = ['bureau_admin', 'monitor'];

export const open311Routes: RouteRecordRaw[] = [
  {
    path: 'open311/clients',
    name: 'open311-clients',
    component: () => import('@/views/open311/Open311Clients.vue'),
    meta: { titleKey: 'open311.clients.title', roles: OPEN311_READER_ROLES },
  },
];

export function open311MenuEntries(
  user: SessionUser | null,
  _homeCommunityId: string | null,
): MenuEntry[] {
  if (!user || !OPEN311_READER_ROLES.includes(user.role)) return [];
  return [
    {
      key: 'open311-clients',
      labelKey: 'open311.nav',
      icon: Connection,
      to: { name: 'open311-clients' },
      path: '/open311/clients',
      testId: 'nav-open311',
    },
  ];
}
