export const ROLES = [
  'resident',
  'grid_worker',
  'desk_staff',
  'community_worker',
  'community_admin',
  'street_admin',
  'bureau_admin',
  'monitor',
] as const;
export type Role = (typeof ROLES)[number];

export const STAFF_ROLES = ROLES.filter((r) => r !== 'resident') as Exclude<Role, 'resident'>[];
export type StaffRole = Exclude<Role, 'resident'>;

export const SCOPE_LEVELS = ['district', 'street', 'community', 'compound'] as const;
export type ScopeLevel = (typeof SCOPE_LEVELS)[number];

/** Which scope level each role is bound to. */
export const ROLE_SCOPE_LEVEL: Record<Role, ScopeLevel> = {
  resident: 'community',
  grid_worker: 'compound',
  desk_staff: 'community',
  community_worker: 'community',
  community_admin: 'community',
  street_admin: 'street',
  bureau_admin: 'district',
  monitor: 'district',
};

/** Roles that see residents' unmasked personal data (each read is audited). */
export const PERSONAL_DATA_ROLES: readonly Role[] = [
  'desk_staff',
  'community_worker',
  'community_admin',
  'grid_worker',
];
