import type { SessionUser } from '@baitong/contracts';
import type { RouteLocationRaw } from 'vue-router';
import { isCommunityRole } from '@/permissions';

/** Where a user starts: community staff on their community, everyone else on the dashboard. */
export function landingRoute(
  user: SessionUser | null,
  homeCommunityId: string | null,
): RouteLocationRaw {
  if (isCommunityRole(user) && homeCommunityId) {
    return { name: 'community-detail', params: { id: homeCommunityId } };
  }
  return { name: 'home' };
}

/** Only same-site paths are followed after login, never another origin. */
export function safeRedirect(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return null;
  if (value.startsWith('/login')) return null;
  return value;
}
