import type { SessionUser } from '@baitong/contracts';
import type { RouteRecordRaw } from 'vue-router';
import type { MenuEntry } from '@/router/menu';

// Open311 client applications and their API keys (the bureau's page): kept apart from the other
// modules so its routes and its menu entry are one line each in the shared files.

export const open311Routes: RouteRecordRaw[] = [];

export function open311MenuEntries(
  _user: SessionUser | null,
  _homeCommunityId: string | null,
): MenuEntry[] {
  return [];
}
