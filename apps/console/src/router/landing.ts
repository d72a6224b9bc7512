import type { SessionUser } from '@baitong/contracts';
import type { RouteLocationRaw } from 'vue-router';
import { canSeeAllDesks, isCaseReader, isCaseWorker } from '@/permissions';

/**
 * Where a user starts: on their own work. Desk, grid and community workers on the workbench of
 * their desk (it opens on their own desk's open work); the community admin on every desk of the
 * community; the street, the bureau and the monitor on the service metrics of their scope (the
 * district table), where they steer from.
 */
export function landingRoute(
  user: SessionUser | null,
  homeCommunityId: string | null,
): RouteLocationRaw {
  if (isCaseWorker(user) && homeCommunityId) {
    return canSeeAllDesks(user) ? { name: 'community-desks' } : { name: 'workbench' };
  }
  if (isCaseReader(user)) return { name: 'metrics' };
  return { name: 'home' };
}

/** Only same-site paths are followed after login, never another origin. */
export function safeRedirect(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return null;
  if (value.startsWith('/login')) return null;
  return value;
}
