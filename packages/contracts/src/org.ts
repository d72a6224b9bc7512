import type { ResidentVerification } from './residents.js';

/**
 * Organisation units carry an English name (and addresses an English form) for the foreign
 * residents; an empty one means none is known yet, and the front ends show the Chinese.
 */
export interface Street {
  id: string;
  code: string;
  name: string;
  nameEn: string;
  communityCount: number;
}

export interface Community {
  id: string;
  streetId: string;
  streetName: string;
  streetNameEn: string;
  code: string;
  name: string;
  nameEn: string;
  /** ISO date (YYYY-MM-DD) or null when never elected. */
  firstElectedOn: string | null;
  households: number;
  registeredResidents: number;
  address: string;
  addressEn: string;
  compoundCount: number;
  deskCount: number;
}

/**
 * Facts the district rating rests on. They belong to the bureau (and the street admin of the
 * community's street): a change needs a reason and is kept in the fact history.
 */
export const COMMUNITY_FACT_FIELDS = [
  'firstElectedOn',
  'households',
  'registeredResidents',
] as const;
export const DESK_FACT_FIELDS = ['areaSqm'] as const;
export const RATING_FACT_FIELDS = [...COMMUNITY_FACT_FIELDS, ...DESK_FACT_FIELDS] as const;
export type RatingFactField = (typeof RATING_FACT_FIELDS)[number];

/** One recorded change of a rating fact (`GET /api/communities/:id/fact-history`), newest first. */
export interface FactChange {
  id: string;
  communityId: string;
  /** The desk whose fact changed; null for the community's own facts. */
  deskId: string | null;
  deskName: string | null;
  deskNameEn: string | null;
  field: RatingFactField;
  /** Dates as YYYY-MM-DD, counts and areas as numbers; null where there was no value. */
  oldValue: string | number | null;
  newValue: string | number | null;
  reason: string;
  actorId: string;
  actorName: string;
  actorRole: string;
  at: string;
}

export interface Compound {
  id: string;
  communityId: string;
  name: string;
  nameEn: string;
  address: string;
  addressEn: string;
  households: number;
  lat: number | null;
  lng: number | null;
}

export interface Grid {
  id: string;
  communityId: string;
  compoundId: string | null;
  name: string;
  code: string;
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export interface OpeningInterval {
  /** Local time in Asia/Shanghai, HH:mm, 24h. `closes` may be 24:00. */
  opens: string;
  closes: string;
}

export interface WeeklyHours {
  weekday: IsoWeekday;
  intervals: OpeningInterval[];
}

export interface HoursException {
  id: string;
  /** Local date YYYY-MM-DD. */
  date: string;
  /** Empty intervals = closed all day. */
  intervals: OpeningInterval[];
  note: string;
}

export interface Desk {
  id: string;
  communityId: string;
  communityName: string;
  communityNameEn: string;
  compoundId: string | null;
  compoundName: string | null;
  compoundNameEn: string | null;
  name: string;
  nameEn: string;
  address: string;
  addressEn: string;
  lat: number;
  lng: number;
  areaSqm: number;
  phone: string | null;
  weeklyHours: WeeklyHours[];
  /** Upcoming dated exceptions (today and later). */
  exceptions: HoursException[];
  /** Send it back with an edit: a stale version answers 409 STALE_VERSION. */
  version: number;
}

export interface OpenState {
  openNow: boolean;
  /**
   * ISO instant when the current opening ends, when open; null for a desk open around the clock
   * that does not close within the look-ahead. A closing 24 hours or more away reads "open 24 hours".
   */
  closesAt: string | null;
  /** ISO instant of the next opening, when closed (null if none in the next 14 days). */
  nextOpensAt: string | null;
  /** Today's intervals (local date in Asia/Shanghai), after exceptions. */
  today: OpeningInterval[];
  /** True when today's hours come from a dated exception. */
  exceptionToday: boolean;
}

/** Public desk-finder row. */
export interface PublicDesk extends Desk, OpenState {
  /** Metres from the point asked about, when one was given. */
  distanceMeters: number | null;
}

export interface StaffMember {
  id: string;
  username: string;
  displayName: string;
  role: string;
  scope: { level: string; id: string; name: string };
  active: boolean;
}

export interface ResidentSummary {
  id: string;
  /** Masked (李*, J*** S****): the full name comes only with the audited contact read. */
  name: string;
  /** Always masked here; the full number is a separate, audited read. */
  phoneMasked: string;
  communityId: string;
  compoundId: string | null;
  foreign: boolean;
  nationality: string | null;
  registeredAt: string;
  verification: ResidentVerification;
  preferredLanguage: string;
}

/** Unmasked name and contact data of one resident; every read of it is written to the audit log. */
export interface ResidentContact {
  id: string;
  name: string;
  phone: string;
  idNumber: string | null;
}

/** Residents of one community in numbers only: what the street and the bureau may see. */
export interface ResidentCount {
  communityId: string;
  communityName: string;
  residents: number;
  foreign: number;
  /** Residents who used the resident app in the last 30 days. */
  activeLast30Days: number;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
