import type { Community, Role, SessionUser } from '@baitong/contracts';
import { PERSONAL_DATA_ROLES } from '@baitong/contracts';

// What the console offers to whom. The API enforces the same rules; these only
// decide which menu entries and buttons appear.

export const DISTRICT_ROLES = ['bureau_admin', 'monitor'] as const satisfies readonly Role[];
export const COMMUNITY_ROLES = [
  'grid_worker',
  'desk_staff',
  'community_worker',
  'community_admin',
] as const satisfies readonly Role[];
export const STAFF_CONSOLE_ROLES = [
  ...COMMUNITY_ROLES,
  'street_admin',
  ...DISTRICT_ROLES,
] as const satisfies readonly Role[];

/** Roles that browse streets and the list of communities. */
export const ORG_BROWSER_ROLES = ['street_admin', ...DISTRICT_ROLES] as const;
/** Community admin and above read the audit log and the staff roster. */
export const SUPERVISOR_ROLES = ['community_admin', 'street_admin', ...DISTRICT_ROLES] as const;

type Maybe = SessionUser | null | undefined;

function is(user: Maybe, roles: readonly Role[]): user is SessionUser {
  return !!user && roles.includes(user.role);
}

export const isCommunityRole = (user: Maybe) => is(user, COMMUNITY_ROLES);

export const canWriteStreets = (user: Maybe) => is(user, ['bureau_admin']);

export const canCreateCommunities = (user: Maybe) => is(user, ['bureau_admin', 'street_admin']);

export function canEditCommunity(user: Maybe, community: Pick<Community, 'id' | 'streetId'>) {
  if (!user) return false;
  switch (user.role) {
    case 'bureau_admin':
      return true;
    case 'street_admin':
      return user.scope.id === community.streetId;
    case 'community_admin':
      return user.scope.id === community.id;
    default:
      return false;
  }
}

/**
 * The facts the rating rests on (election date, households, registered residents, desk area)
 * belong to the bureau and to the street admin of the community's street.
 */
export function canChangeRatingFacts(user: Maybe, community: Pick<Community, 'streetId'>) {
  if (!user) return false;
  return (
    user.role === 'bureau_admin' ||
    (user.role === 'street_admin' && user.scope.id === community.streetId)
  );
}

/** Compounds, desks, grids and opening hours are kept by the community's own admin. */
export function canManageCommunity(user: Maybe, communityId: string) {
  return is(user, ['community_admin']) && user.scope.id === communityId;
}

export const canSeeStaff = (user: Maybe) => is(user, SUPERVISOR_ROLES);

export const canSeeAudit = (user: Maybe) => is(user, SUPERVISOR_ROLES);

/** Residents are listed (names masked) to the community's own staff, who serve them in person. */
export const canSeeResidents = (user: Maybe) => is(user, COMMUNITY_ROLES);

/** The street and the bureau steer with resident numbers, never with people; the monitor sees neither. */
export const canSeeResidentCounts = (user: Maybe) =>
  is(user, [...COMMUNITY_ROLES, 'street_admin', 'bureau_admin']);

export const canReadContact = (user: Maybe) => is(user, PERSONAL_DATA_ROLES);

// Service requests (cases)

/** Work cases of their own community; the API returns `allowedActions` only to them. */
export const CASE_WORKER_ROLES = COMMUNITY_ROLES;
/** Read the cases of their scope, never change them. */
export const CASE_READER_ROLES = ['street_admin', ...DISTRICT_ROLES] as const;

export const isCaseWorker = (user: Maybe) => is(user, CASE_WORKER_ROLES);

export const isCaseReader = (user: Maybe) => is(user, CASE_READER_ROLES);

/** The staff roster (`GET /api/staff`) is for community admin and above: others assign to themselves. */
export const canAssignOthers = (user: Maybe) => is(user, ['community_admin']);

/** The overview of every desk of the community. */
export const canSeeAllDesks = (user: Maybe) => is(user, ['community_admin']);

/** The category catalogue and its reply templates are the bureau's. */
export const canEditCategories = (user: Maybe) => is(user, ['bureau_admin']);

/** Who finds the catalogue in the menu (everyone may read it). */
export const CATEGORY_MENU_ROLES = ['community_admin', ...CASE_READER_ROLES] as const;

// Follow-ups

/**
 * The community's own case workers appeal its dissatisfied ratings (申诉); a grid worker only
 * those of their compound. The street admin decides.
 */
export function canAppealFollowUp(
  user: Maybe,
  task: { communityId: string; compoundId: string | null },
): boolean {
  if (!is(user, COMMUNITY_ROLES)) return false;
  if (user.scope.level === 'compound') return task.compoundId === user.scope.id;
  return user.scope.level === 'community' && user.scope.id === task.communityId;
}

/** The community admin gives a follow-up to another of the community's workers (改派). */
export const canReassignFollowUp = (user: Maybe, task: { communityId: string }) =>
  is(user, ['community_admin']) && user.scope.id === task.communityId;

// Council (幸福议事会)

/** Everyone on the console reads the councils of their scope; the street and district never act. */
export const COUNCIL_READER_ROLES = STAFF_CONSOLE_ROLES;

/**
 * The community's own staff (any compound) run its proposals: screen, merge, moderate and take
 * concern cases to the council. `homeCommunityId` is the community of the signed-in worker.
 */
export const canRunCouncil = (user: Maybe, homeCommunityId: string | null, communityId: string) =>
  is(user, COMMUNITY_ROLES) && !!homeCommunityId && homeCommunityId === communityId;
