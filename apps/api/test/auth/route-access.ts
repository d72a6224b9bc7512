import { ROLES, type Role } from '@baitong/contracts';

/**
 * Who may call each route of the API, written as the system should behave (docs/API.md and issue
 * 7), not as it happens to behave. route-matrix.spec.ts calls every route below for every caller
 * and every target with a real record, and fails for a route of the app missing here.
 *
 * Targets, seen from the caller (a district role's "own" community is simply the first one):
 * - `own`: a record of the caller's own community; for a grid worker, of their own compound;
 * - `otherCompound`: a record of another compound of the caller's community;
 * - `sibling`: a record of another community on the same street;
 * - `otherStreet`: a record of a community on another street.
 *
 * Allowed: 2xx, and a list holds the target's record. Refused: 401/403/404 (400 where the target
 * is named in the body), or a list without the record; a refused write changes nothing.
 */
export type Caller = Role | 'anonymous';
export const CALLERS: readonly Caller[] = [...ROLES, 'anonymous'];
export const TARGETS = ['own', 'otherCompound', 'sibling', 'otherStreet'] as const;
export type Target = (typeof TARGETS)[number];

/** Per target: the callers that may. */
export type TargetAccess = Record<Target, readonly Caller[]>;
/** A route about no record in particular (sign-in, the catalogue, uploads): who may call it. */
export interface GlobalAccess {
  anyone: readonly Caller[];
}
/** Sign-in routes: called once, without a token, with a real body. */
export interface PublicAccess {
  public: true;
}
export type Access = TargetAccess | GlobalAccess | PublicAccess;

const STAFF: readonly Role[] = ROLES.filter((r) => r !== 'resident');
const SIGNED_IN: readonly Caller[] = ROLES;
const STREET_UP: readonly Role[] = ['street_admin', 'bureau_admin', 'monitor'];
const DISTRICT: readonly Role[] = ['bureau_admin', 'monitor'];
/** Who takes and works cases: the community's own staff. */
const CASE_WORKERS: readonly Role[] = [
  'desk_staff',
  'grid_worker',
  'community_worker',
  'community_admin',
];
/** Who moves a case between desks besides the community's own case workers, within their scope. */
const TRANSFER_ABOVE: readonly Role[] = ['street_admin', 'bureau_admin'];
/** Compounds, grids, desks and hours of a community in scope. */
const MANAGERS: readonly Role[] = ['community_admin', 'street_admin', 'bureau_admin'];
/** The rating facts belong to the bureau and to the street admin of the community's street. */
const FACT_OWNERS: readonly Role[] = ['street_admin', 'bureau_admin'];
/** Who serves residents in person (lists masked, one contact at a time, audited). */
const SERVING: readonly Role[] = [
  'desk_staff',
  'community_worker',
  'community_admin',
  'grid_worker',
];
const COUNTS: readonly Role[] = [...SERVING, 'street_admin', 'bureau_admin'];
/** The roster's pay and birth dates, and its writes: the community's admin and the bureau. */
const ROSTER_KEEPERS: readonly Role[] = ['community_admin', 'bureau_admin'];
const OVERSIGHT: readonly Role[] = ['community_admin', 'street_admin', 'bureau_admin', 'monitor'];

const among = (roles: readonly Caller[], allowed: readonly Caller[]) =>
  roles.filter((r) => allowed.includes(r));
const without = (roles: readonly Caller[], gone: Caller) => roles.filter((r) => r !== gone);

/** A record of the community itself: scope reaches it by community, street or district. */
const communityRecord = (roles: readonly Caller[]): TargetAccess => ({
  own: roles,
  otherCompound: roles,
  sibling: among(roles, STREET_UP),
  otherStreet: among(roles, DISTRICT),
});
/** A record that belongs to a compound: a grid worker reaches only their own compound's. */
const compoundRecord = (roles: readonly Caller[]): TargetAccess => ({
  ...communityRecord(roles),
  otherCompound: without(roles, 'grid_worker'),
});
/** Cases and what hangs off them: staff in scope, and the resident whose case it is. */
const caseRecord: TargetAccess = {
  ...compoundRecord(STAFF),
  own: [...STAFF, 'resident'],
};
/** Working a case: the case workers of the case's community (compound for a grid worker). */
const caseWork = compoundRecord(CASE_WORKERS);
/** A council and its proposals: the community's staff and residents, its street, the district. */
const councilRecord: TargetAccess = {
  ...communityRecord(STAFF),
  own: [...STAFF, 'resident'],
  otherCompound: [...STAFF, 'resident'],
};
/** Running a community's proposals: its own staff, whatever the compound (the council is the community's). */
const councilWork = communityRecord(CASE_WORKERS);
/** Supporting and following: the community's residents only. */
const communityResidents: TargetAccess = {
  own: ['resident'],
  otherCompound: ['resident'],
  sibling: [],
  otherStreet: [],
};
/** Writing in a community's council: its residents and its own staff. */
const councilVoices: TargetAccess = {
  ...councilWork,
  own: [...CASE_WORKERS, 'resident'],
  otherCompound: [...CASE_WORKERS, 'resident'],
};
const anyone = (callers: readonly Caller[]): GlobalAccess => ({ anyone: callers });
/** The same callers whatever the target. */
const ratingEveryTarget = (roles: readonly Caller[]): TargetAccess => ({
  own: roles,
  otherCompound: roles,
  sibling: roles,
  otherStreet: roles,
});
/** A score of the target community: the matrix's plan gives the own street the other street's community. */
const ratingAssessorRecord: TargetAccess = {
  ...ratingEveryTarget(DISTRICT),
  otherStreet: [...DISTRICT, 'street_admin'],
};
const everyone: TargetAccess = {
  own: CALLERS,
  otherCompound: CALLERS,
  sibling: CALLERS,
  otherStreet: CALLERS,
};

/**
 * A key is "METHOD /path" as the router has it; "METHOD /path #variant" is a second body for the
 * same route whose rule differs (rating facts, transfers out of the community).
 */
export const ROUTE_ACCESS = {
  // Sign-in; refresh and cookie logout read the app's httpOnly cookie, no bearer token.
  'POST /api/auth/staff/login': { public: true },
  'POST /api/auth/staff/refresh': { public: true },
  'POST /api/auth/staff/logout': { public: true },
  'POST /api/auth/resident/otp': { public: true },
  'POST /api/auth/resident/login': { public: true },
  'POST /api/auth/resident/refresh': { public: true },
  'POST /api/auth/resident/logout': { public: true },
  // A newcomer's registration, with the token a right code for an unheld phone gave them.
  'POST /api/auth/resident/register': { public: true },
  'POST /api/auth/logout': anyone(SIGNED_IN),
  'GET /api/auth/me': anyone(SIGNED_IN),

  // The public desk finder
  'GET /api/public/desks': everyone,
  'GET /api/public/desks/:id': everyone,
  // Where one can live, for the registration form: names only.
  'GET /api/public/communities': everyone,

  // Organisation
  'GET /api/streets': {
    own: STAFF,
    otherCompound: STAFF,
    // The sibling community lies on the caller's own street.
    sibling: STAFF,
    otherStreet: DISTRICT,
  },
  'POST /api/streets': anyone(['bureau_admin']),
  'PATCH /api/streets/:id': {
    own: ['bureau_admin'],
    otherCompound: ['bureau_admin'],
    sibling: ['bureau_admin'],
    otherStreet: ['bureau_admin'],
  },
  'GET /api/communities': communityRecord(STAFF),
  'GET /api/communities/:id': communityRecord(STAFF),
  'POST /api/communities': {
    own: ['street_admin', 'bureau_admin'],
    otherCompound: ['street_admin', 'bureau_admin'],
    sibling: ['street_admin', 'bureau_admin'],
    otherStreet: ['bureau_admin'],
  },
  'PATCH /api/communities/:id': communityRecord(MANAGERS),
  // firstElectedOn, households, registeredResidents: never the community's own admin.
  'PATCH /api/communities/:id #rating facts': communityRecord(FACT_OWNERS),
  'GET /api/communities/:id/fact-history': communityRecord(STAFF),
  'GET /api/communities/:id/compounds': communityRecord(STAFF),
  'GET /api/communities/:id/grids': communityRecord(STAFF),
  'GET /api/communities/:id/desks': communityRecord(STAFF),
  'GET /api/compounds/:id': communityRecord(STAFF),
  'POST /api/compounds': communityRecord(MANAGERS),
  'PATCH /api/compounds/:id': communityRecord(MANAGERS),
  'POST /api/grids': communityRecord(MANAGERS),
  'PATCH /api/grids/:id': communityRecord(MANAGERS),
  'GET /api/desks/:id': communityRecord(STAFF),
  'POST /api/desks': communityRecord(MANAGERS),
  'PATCH /api/desks/:id': communityRecord(MANAGERS),
  // A desk's area is a rating fact.
  'PATCH /api/desks/:id #rating facts': communityRecord(FACT_OWNERS),
  'PUT /api/desks/:id/hours': communityRecord(MANAGERS),
  'POST /api/desks/:id/exceptions': communityRecord(MANAGERS),
  'DELETE /api/desks/:id/exceptions/:exceptionId': communityRecord(MANAGERS),

  // People: need-to-know (auth/policy.ts); the monitor sees no resident, not even counted.
  'GET /api/residents': compoundRecord(SERVING),
  'GET /api/residents/counts': communityRecord(COUNTS),
  'GET /api/residents/:id/contact': compoundRecord(SERVING),
  // A walk-in registered at intake, into the caller's own community (the target's compound named).
  'POST /api/residents': compoundRecord(SERVING),
  // A self-registration checked, or merged into the resident on record, by its community's staff.
  'POST /api/residents/:id/verify': compoundRecord(SERVING),
  'POST /api/residents/:id/merge': compoundRecord(SERVING),
  'GET /api/staff': communityRecord(OVERSIGHT),
  'GET /api/audit': communityRecord(OVERSIGHT),
  'GET /api/audit/export': communityRecord(OVERSIGHT),

  // The category catalogue is the bureau's.
  'GET /api/categories': anyone(SIGNED_IN),
  'POST /api/categories': anyone(['bureau_admin']),
  'PATCH /api/categories/:id': anyone(['bureau_admin']),

  // Cases
  'POST /api/photos': anyone(SIGNED_IN),
  'GET /api/photos/:id': caseRecord,
  // Filing a request for the target's resident at the target's desk.
  'POST /api/cases': {
    ...compoundRecord(CASE_WORKERS),
    own: [...CASE_WORKERS, 'resident'],
    otherCompound: [...without(CASE_WORKERS, 'grid_worker'), 'resident'],
  },
  'GET /api/cases': caseRecord,
  'GET /api/cases/:id': caseRecord,
  'GET /api/cases/:id/events': caseRecord,
  'POST /api/cases/:id/transitions': caseWork,
  'POST /api/cases/:id/assign': caseWork,
  // The target's case to another desk of the target's community: its own case workers, the
  // street admin of its street, the bureau (docs/API.md, Transfers).
  'POST /api/cases/:id/transfer': {
    ...caseWork,
    own: [...CASE_WORKERS, ...TRANSFER_ABOVE],
    otherCompound: [...without(CASE_WORKERS, 'grid_worker'), ...TRANSFER_ABOVE],
    sibling: TRANSFER_ABOVE,
    otherStreet: ['bureau_admin'],
  },
  // A case of the caller's community to the target's desk: out of the community only by its
  // admin or the street admin within the street, to another street only by the bureau.
  'POST /api/cases/:id/transfer #to the target desk': {
    own: [...CASE_WORKERS, ...TRANSFER_ABOVE],
    otherCompound: [...CASE_WORKERS, ...TRANSFER_ABOVE],
    sibling: ['community_admin', ...TRANSFER_ABOVE],
    otherStreet: ['bureau_admin'],
  },
  'POST /api/cases/:id/escalate': caseWork,
  'GET /api/cases/:id/repeat-candidates': caseWork,
  'POST /api/cases/:id/repeat': caseWork,
  'PUT /api/cases/:id/mediation': caseWork,
  // Every contact a case holds, unmasked and audited, like the resident contact read.
  'GET /api/cases/:id/contact': compoundRecord(SERVING),
  'GET /api/cases/:id/parties/:index/contact': compoundRecord(SERVING),

  // Follow-ups (回访): read by staff in scope, recorded and appealed by the community's case
  // workers, reassigned by its admin; appeals decided by the street admin of its street.
  'GET /api/follow-ups': compoundRecord(STAFF),
  'GET /api/follow-ups/:id': compoundRecord(STAFF),
  'POST /api/follow-ups/:id/attempts': caseWork,
  'POST /api/follow-ups/:id/assign': compoundRecord(['community_admin']),
  'POST /api/follow-up-attempts/:id/appeal': caseWork,
  // Read where the follow-up is: a street admin finds its street's pending appeals.
  'GET /api/follow-up-appeals': compoundRecord(STAFF),
  'POST /api/follow-up-appeals/:id/decision': {
    own: ['street_admin'],
    otherCompound: ['street_admin'],
    sibling: ['street_admin'],
    otherStreet: [],
  },
  'GET /api/communities/:id/follow-up-summary': communityRecord(OVERSIGHT),
  // Only the case's own resident rates it.
  'POST /api/cases/:id/rating': {
    own: ['resident'],
    otherCompound: [],
    sibling: [],
    otherStreet: [],
  },
  // What the resident sees of the follow-ups of their own request; staff read the follow-ups.
  'GET /api/cases/:id/follow-up': {
    own: ['resident'],
    otherCompound: [],
    sibling: [],
    otherStreet: [],
  },
  'GET /api/rating-invitations': anyone(['resident']),
  // A resident's own inbox: their room of the stream, nobody else's.
  'GET /api/me/notifications': anyone(['resident']),
  'GET /api/me/notifications/unread': anyone(['resident']),
  'POST /api/me/notifications/seen': anyone(['resident']),

  // The council (幸福议事会): read by the community's staff and residents, its street and the
  // district; set up by the community admin; its proposals run by the community's own staff.
  'GET /api/communities/:id/council': councilRecord,
  'PATCH /api/communities/:id/council': communityRecord(['community_admin']),
  'POST /api/communities/:id/council/members': communityRecord(['community_admin']),
  'PATCH /api/council-members/:id': communityRecord(['community_admin']),
  'GET /api/communities/:id/participation': communityRecord(STAFF),
  // The overview of council activity: a community admin's own row, the street's, the district's.
  'GET /api/council-overview': communityRecord(OVERSIGHT),
  // Service metrics: every member of staff reads the communities of their scope (docs/METRICS.md).
  'GET /api/metrics/communities': communityRecord(STAFF),
  'GET /api/metrics/communities/:communityId': communityRecord(STAFF),
  'GET /api/metrics/communities/:communityId/series': communityRecord(STAFF),
  'GET /api/metrics/communities/:communityId/:metricKey/rows': communityRecord(STAFF),
  // The workforce roster (docs/WORKFORCE.md): staff in scope read it (pay and birth dates only
  // the keepers, audited); the community's admin and the bureau write and export it.
  'GET /api/communities/:communityId/workforce': communityRecord(STAFF),
  'GET /api/communities/:communityId/workforce/export.xlsx': communityRecord(ROSTER_KEEPERS),
  'POST /api/communities/:communityId/workforce': communityRecord(ROSTER_KEEPERS),
  'POST /api/communities/:communityId/workforce/import': communityRecord(ROSTER_KEEPERS),
  'GET /api/workforce/:id': communityRecord(STAFF),
  'PATCH /api/workforce/:id': communityRecord(ROSTER_KEEPERS),
  'POST /api/workforce/:id/leave': communityRecord(ROSTER_KEEPERS),
  // Published rating grades by year (issue 12, part history): staff read those of their scope;
  // the bureau imports past results; a resident sees their own community's grade.
  'GET /api/rating-grades': communityRecord(STAFF),
  'GET /api/rating-grades/import-template.xlsx': anyone(['bureau_admin']),
  'POST /api/rating-grades/import': anyone(['bureau_admin']),
  'GET /api/communities/:communityId/rating-history': communityRecord(STAFF),
  'GET /api/me/community-rating': anyone(['resident']),
  // What a rating run shows (docs/API.md "Rating results"): the bureau and the monitor every
  // community from `computed` on; a street its communities, a community's staff their own, from
  // `in_review` on (the matrix's run is published). The xlsx holds only the rows in scope.
  'GET /api/rating-runs/:runId/results': communityRecord(STAFF),
  'GET /api/communities/:communityId/rating-results': communityRecord(STAFF),
  'GET /api/rating-runs/:runId/export.xlsx': communityRecord(STAFF),
  'GET /api/rating-runs/:runId/communities/:communityId/scorecard': communityRecord(STAFF),
  'GET /api/rating-runs/:runId/communities/:communityId/scorecard.pdf': communityRecord(STAFF),
  'GET /api/rating-runs/:runId/communities/:communityId/what-if': communityRecord(STAFF),
  'GET /api/rating-runs/:runId/communities/:communityId/compare': communityRecord(STAFF),
  // A resident's own proposal in their community, or staff's for the target's resident.
  'POST /api/proposals': councilVoices,
  // The target's concern case taken to the council: those who may read it among its staff.
  'POST /api/proposals/from-cases': caseWork,
  'GET /api/proposals': councilRecord,
  'GET /api/proposals/:id': councilRecord,
  'GET /api/proposals/:id/events': councilRecord,
  'GET /api/proposals/:id/similar': councilRecord,
  // Words being typed: a resident's own community, staff name one in their scope.
  'GET /api/proposals/similar': councilRecord,
  'GET /api/proposals/:id/photos/:photoId': councilRecord,
  'GET /api/proposals/:id/comments': councilRecord,
  // A submitted proposal of the target's resident: the community's staff, and its author.
  'PATCH /api/proposals/:id': { ...councilWork, own: [...CASE_WORKERS, 'resident'] },
  'POST /api/proposals/:id/transitions': councilWork,
  // The target resident's own draft, never seen by anyone else until submitted.
  'POST /api/proposals/:id/transitions #the author submits': {
    own: ['resident'],
    otherCompound: [],
    sibling: [],
    otherStreet: [],
  },
  // Photos of the target resident's own draft: only its author sees it before submission.
  'POST /api/proposals/:id/photos': {
    own: ['resident'],
    otherCompound: [],
    sibling: [],
    otherStreet: [],
  },
  'DELETE /api/proposals/:id/photos/:photoId': {
    own: ['resident'],
    otherCompound: [],
    sibling: [],
    otherStreet: [],
  },
  'POST /api/proposals/:id/merge': councilWork,
  'POST /api/proposals/:id/support': communityResidents,
  'DELETE /api/proposals/:id/support': communityResidents,
  'POST /api/proposals/:id/follow': communityResidents,
  'DELETE /api/proposals/:id/follow': communityResidents,
  'POST /api/proposals/:id/comments': councilVoices,
  'POST /api/proposal-comments/:id/hide': councilWork,
  // Council meetings: read like the council, run by the community's own staff.
  'POST /api/communities/:id/meetings': councilWork,
  'GET /api/communities/:id/meetings': councilRecord,
  'GET /api/meetings/:id': councilRecord,
  'PATCH /api/meetings/:id': councilWork,
  'POST /api/meetings/:id/agenda': councilWork,
  'DELETE /api/meetings/:id/agenda/:itemId': councilWork,
  'POST /api/meetings/:id/attendance': councilWork,
  'POST /api/meetings/:id/agenda/:itemId/votes': councilWork,
  'POST /api/meetings/:id/agenda/:itemId/decide': councilWork,
  'POST /api/meetings/:id/close': councilWork,
  // Building an adopted proposal: read like the proposal, run by the community's own staff.
  'GET /api/proposals/:id/implementation': councilRecord,
  'POST /api/proposals/:id/implementation': councilWork,
  'POST /api/proposals/:id/milestones': councilWork,
  'POST /api/proposals/:id/milestones/:milestoneId/done': councilWork,
  'POST /api/proposals/:id/progress': councilWork,
  'POST /api/proposals/:id/complete': councilWork,
  // A completed project's evaluation: the residents of the community it asks (here the caller).
  'POST /api/proposals/:id/evaluation': communityResidents,
  'GET /api/proposals/:id/evaluation': communityResidents,
  // The caller's own invitations: residents only, nobody else's to reach.
  'GET /api/evaluation-invitations': anyone(['resident']),
  // The rating (issue 12), assessments: frameworks are read by all staff and written by the
  // bureau; the campaign is run by the bureau and followed by the monitor and street admins.
  'GET /api/rating-frameworks': anyone(STAFF),
  'GET /api/rating-frameworks/:id': anyone(STAFF),
  'POST /api/rating-frameworks': anyone(['bureau_admin']),
  'PUT /api/rating-frameworks/:id': anyone(['bureau_admin']),
  'POST /api/rating-campaigns': anyone(['bureau_admin']),
  'GET /api/rating-campaigns': anyone(STREET_UP),
  'GET /api/rating-campaigns/:id': anyone(STREET_UP),
  'PUT /api/rating-campaigns/:id/assignments': anyone(['bureau_admin']),
  'PUT /api/rating-campaigns/:id/cross-inspections': anyone(['bureau_admin']),
  'POST /api/rating-campaigns/:id/cross-inspections/rotate': anyone(['bureau_admin']),
  // Progress: a street admin sees its own street's communities and the one its street inspects.
  'GET /api/rating-campaigns/:id/progress': ratingEveryTarget(STREET_UP),
  // Scores: the district inspectors and the monitor everywhere; a street admin only the
  // community of the other street that the plan gives its street, never its own.
  'GET /api/rating-campaigns/:id/tasks': ratingAssessorRecord,
  'PUT /api/rating-campaigns/:id/assessments': ratingAssessorRecord,
  'GET /api/rating-assessments/:id': ratingAssessorRecord,
  'POST /api/rating-assessments/:id/submit': ratingAssessorRecord,
  'POST /api/rating-assessments/:id/corrections': ratingAssessorRecord,
  'POST /api/rating-assessments/:id/evidence': ratingAssessorRecord,
  'GET /api/rating-assessments/:id/evidence/:evidenceId': ratingAssessorRecord,
  // Disqualifications: staff read them in scope; the bureau records and revokes them.
  'GET /api/rating-disqualifications': communityRecord(STAFF),
  'POST /api/rating-disqualifications': ratingEveryTarget(['bureau_admin']),
  'POST /api/rating-disqualifications/:id/revoke': ratingEveryTarget(['bureau_admin']),
  // The rating runs (issue 12, part runs): the bureau runs them; staff read a run from its
  // review on (the matrix's run is in review); objections are the community admin's, read in scope.
  'POST /api/rating-runs': anyone(['bureau_admin']),
  'GET /api/rating-runs': anyone(STAFF),
  'GET /api/rating-runs/:id': anyone(STAFF),
  'POST /api/rating-runs/:id/freeze': anyone(['bureau_admin']),
  'POST /api/rating-runs/:id/compute': anyone(['bureau_admin']),
  'POST /api/rating-runs/:id/open-review': anyone(['bureau_admin']),
  'POST /api/rating-runs/:id/publish': anyone(['bureau_admin']),
  'POST /api/rating-runs/:id/cancel': anyone(['bureau_admin']),
  'GET /api/rating-runs/:id/snapshots/:version/diff': anyone(DISTRICT),
  'GET /api/rating-runs/:id/objections': communityRecord(OVERSIGHT),
  'POST /api/rating-runs/:id/objections': communityRecord(['community_admin']),
  'POST /api/rating-objections/:id/answer': communityRecord(['bureau_admin']),

  // Open311 GeoReport v2 reads (issue 13): public, an api_key optional; no personal data in them.
  'GET /open311/v2/discovery.:format': { public: true },
  'GET /open311/v2/services.:format': { public: true },
  'GET /open311/v2/services/:code.:format': { public: true },
  'GET /open311/v2/requests.:format': { public: true },
  'GET /open311/v2/requests/:id.:format': { public: true },
  'GET /open311/v2/tokens/:token.:format': { public: true },
  // Open311 (issue 13, part write): the bureau issues, scopes and revokes client keys; the
  // monitor reads the list (no key in it). Filing needs an API key, not a sign-in.
  'GET /api/open311/clients': anyone(DISTRICT),
  'POST /api/open311/clients': anyone(['bureau_admin']),
  'PATCH /api/open311/clients/:id': anyone(['bureau_admin']),
  'POST /api/open311/clients/:id/revoke': anyone(['bureau_admin']),
  'POST /open311/v2/requests.:format': { public: true },
} satisfies Record<string, Access>;

export type RouteKey = keyof typeof ROUTE_ACCESS;

/** Routes of the app that are no one's data and stay out of the matrix. */
export const UNSCOPED_ROUTES = [/^\S+ \/health\//, /^GET \/api\/docs(\/|-json$|-yaml$|$)/];

/** The route a key names: "METHOD /path" without its variant. */
export const routeOf = (key: string): string => key.replace(/ #.*$/, '');

/**
 * Socket rooms: `desk:` and `community:` rooms of the target, and `user:` rooms (own: the
 * caller's own; other targets: a colleague of that community, which nobody may join).
 */
export const ROOM_ACCESS = {
  desk: compoundRecord(STAFF),
  // A grid worker joins their own community's room, and hears only its council there.
  community: communityRecord(STAFF),
  user: { own: SIGNED_IN, otherCompound: [], sibling: [], otherStreet: [] },
} satisfies Record<string, TargetAccess>;
export type RoomKind = keyof typeof ROOM_ACCESS;
