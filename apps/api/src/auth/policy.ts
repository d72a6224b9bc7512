import type { Actor } from './actor';

/** Write rules for the organisation, in one place. Reads are governed by `communityScope`. */
export const policy = {
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

  readResidents: (a: Actor): boolean => a.kind === 'staff',

  /** Unmasked phone and ID numbers: only those who serve residents in person. */
  readPersonalData: (a: Actor): boolean =>
    a.kind === 'staff' &&
    ['desk_staff', 'community_worker', 'grid_worker', 'community_admin'].includes(a.role),

  readAudit: (a: Actor): boolean =>
    a.kind === 'staff' &&
    ['community_admin', 'street_admin', 'bureau_admin', 'monitor'].includes(a.role),
};
