import type { Role, SessionUser } from '@baitong/contracts';
import { STAFF_CONSOLE_ROLES } from '@/permissions';

// Who the roster pages offer what; the API enforces the same (docs/WORKFORCE.md, "Who sees what").

type Maybe = SessionUser | null | undefined;

/** Every console role reads the roster of its scope. */
export const WORKFORCE_READER_ROLES: readonly Role[] = STAFF_CONSOLE_ROLES;

/** Writers (add, edit, leave, import, export) are the community's own admin and the bureau. */
export function canWriteWorkforce(user: Maybe, communityId: string | undefined): boolean {
  if (!user || !communityId) return false;
  if (user.role === 'bureau_admin') return true;
  return user.role === 'community_admin' && user.scope.id === communityId;
}
