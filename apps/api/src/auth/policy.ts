import { PERSONAL_DATA_ROLES, type Role } from '@baitong/contracts';
import type { Actor } from './actor';

/**
 * Residents' data, need-to-know per role. On top of this, every read is limited to the caller's
 * scope (a grid worker's is their own compound, not the whole community).
 *
 * | role             | resident list  | names, phones in lists | full name, phone, ID (audited) | counts       |
 * |------------------|----------------|------------------------|--------------------------------|--------------|
 * | desk_staff       | own community  | masked (李*, 139****)  | yes, one resident at a time    | yes          |
 * | community_worker | own community  | masked                 | yes                            | yes          |
 * | grid_worker      | own compound   | masked                 | yes, own compound              | own compound |
 * | community_admin  | own community  | masked                 | yes                            | yes          |
 * | street_admin     | no (403)       | —                      | no (403)                       | its street   |
 * | bureau_admin     | no (403)       | —                      | no (403)                       | district     |
 * | monitor          | no (403)       | —                      | no (403)                       | no (403)     |
 * | resident         | no (403)       | —                      | no (403)                       | no (403)     |
 *
 * Lists keep nationality and "foreign" for the roles that serve residents (language, services).
 * Those who serve residents in person find them in a list (by name or the last four digits of
 * the phone) and open one record at a time; the street and the bureau steer with numbers and
 * never need a person; the third-party monitor assesses communities, not residents.
 */
const RESIDENT_SERVING_ROLES: readonly Role[] = PERSONAL_DATA_ROLES;
const RESIDENT_COUNT_ROLES: readonly Role[] = [
  ...RESIDENT_SERVING_ROLES,
  'street_admin',
  'bureau_admin',
];

/** Who owns the facts the rating rests on: the bureau, or the street admin of the community's street. */
const ownsRatingFacts = (a: Actor, community: { streetId: string }): boolean =>
  a.kind === 'staff' &&
  (a.role === 'bureau_admin' || (a.role === 'street_admin' && a.streetId === community.streetId));

/** Write rules for the organisation, in one place. Reads are governed by `communityScope`. */
export const policy = {
  /** The rating runs (issue 12): only the bureau creates, freezes, computes, publishes, answers. */
  manageRatingRuns: (a: Actor): boolean => a.kind === 'staff' && a.role === 'bureau_admin',
  /** Staff read runs; below the district only from the review on (the service filters). */
  readRatingRuns: (a: Actor): boolean => a.kind === 'staff',
  /** Objections are read by the bureau, the monitor, street admins and community admins in scope. */
  readRatingObjections: (a: Actor): boolean =>
    a.kind === 'staff' &&
    ['bureau_admin', 'monitor', 'street_admin', 'community_admin'].includes(a.role),
  /** 复核申请: only the community's own admin. */
  fileRatingObjection: (a: Actor, communityId: string): boolean =>
    a.kind === 'staff' && a.role === 'community_admin' && a.communityId === communityId,

  manageStreets: (a: Actor): boolean => a.kind === 'staff' && a.role === 'bureau_admin',

  createCommunity: (a: Actor, streetId: string): boolean =>
    a.kind === 'staff' &&
    (a.role === 'bureau_admin' || (a.role === 'street_admin' && a.streetId === streetId)),

  editCommunity: (a: Actor, community: { id: string; streetId: string }): boolean =>
    a.kind === 'staff' &&
    (a.role === 'bureau_admin' ||
      (a.role === 'street_admin' && a.streetId === community.streetId) ||
      (a.role === 'community_admin' && a.communityId === community.id)),

  /** Compounds, desks, hours and grids of a community. */
  manageCommunityAssets: (a: Actor, community: { id: string; streetId: string }): boolean =>
    policy.editCommunity(a, community),

  readStaff: (a: Actor): boolean =>
    a.kind === 'staff' &&
    ['community_admin', 'street_admin', 'bureau_admin', 'monitor'].includes(a.role),

  /**
   * `firstElectedOn`, `households`, `registeredResidents` and a desk's `areaSqm`: a change needs
   * a reason and is kept in the fact history. The community's own admin may not change them.
   */
  changeRatingFacts: ownsRatingFacts,

  /** The fact history is read like the community itself: by staff whose scope holds it. */
  readFactHistory: (a: Actor): boolean => a.kind === 'staff',

  /** The resident list (masked names and phones), see the table above. */
  readResidents: (a: Actor): boolean =>
    a.kind === 'staff' && RESIDENT_SERVING_ROLES.includes(a.role),

  /** Resident numbers per community, no person in them. */
  readResidentCounts: (a: Actor): boolean =>
    a.kind === 'staff' && RESIDENT_COUNT_ROLES.includes(a.role),

  /** Unmasked name, phone and ID number of one resident, each read audited. */
  readPersonalData: (a: Actor): boolean =>
    a.kind === 'staff' && RESIDENT_SERVING_ROLES.includes(a.role),

  /**
   * Registering a walk-in, verifying a self-registration or merging it with the resident on
   * record: the staff who serve residents, in their own community (a grid worker: compound).
   */
  manageResidents: (a: Actor): boolean =>
    a.kind === 'staff' && RESIDENT_SERVING_ROLES.includes(a.role) && a.communityId !== null,

  /**
   * The workforce roster's pay and birth dates, and every write to the roster: the community's
   * own admin and the bureau (each read of the personal columns audited). Writers are the
   * readers, so whoever changes pay sees what they change; every other member of staff in scope
   * reads the roster without them, and the figures.
   */
  manageWorkforce: (a: Actor, communityId: string): boolean =>
    a.kind === 'staff' &&
    (a.role === 'bureau_admin' || (a.role === 'community_admin' && a.communityId === communityId)),

  readAudit: (a: Actor): boolean =>
    a.kind === 'staff' &&
    ['community_admin', 'street_admin', 'bureau_admin', 'monitor'].includes(a.role),

  /** Rating frameworks, the assessment campaign and disqualifications (issue 12): the bureau. */
  manageRating: (a: Actor): boolean => a.kind === 'staff' && a.role === 'bureau_admin',

  /** The rating frameworks are read by every member of staff. */
  readRatingFrameworks: (a: Actor): boolean => a.kind === 'staff',

  /** The campaign (plan, assignments, progress): the bureau, the monitor, street admins. */
  readRatingCampaigns: (a: Actor): boolean =>
    a.kind === 'staff' && ['street_admin', 'bureau_admin', 'monitor'].includes(a.role),
  /** Importing the published results of past years (历年评定结果): the bureau only. */
  importRatingGrades: (a: Actor): boolean => a.kind === 'staff' && a.role === 'bureau_admin',

  /** Open311 client applications and their API keys: the bureau issues, scopes and revokes. */
  manageApiClients: (a: Actor): boolean => a.kind === 'staff' && a.role === 'bureau_admin',
  /** The key list (no key in it): the bureau, and the monitor who oversees the district. */
  readApiClients: (a: Actor): boolean =>
    a.kind === 'staff' && ['bureau_admin', 'monitor'].includes(a.role),
};
