import type { SessionUser } from '@baitong/contracts';
import type { RouteRecordRaw } from 'vue-router';
import type { MenuEntry } from '@/router/menu';

// The annual rating (issue 12), part "history": its routes and menu entries live here so that each
// part is one line in the shared router and menu files.

export const ratingHistoryRoutes: RouteRecordRaw[] = [];

export function ratingHistoryMenuEntries(
  user: SessionUser | null,
  _homeCommunityId: string | null,
): MenuEntry[] {
  if (!user) return [];
  return [];
}
