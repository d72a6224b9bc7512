import type { LoginResponse } from './auth.js';

/**
 * `verified`: on record, or checked by the community's staff; `unverified`: registered themselves
 * in the app and not yet checked (their requests are marked so); `merged`: the same person as a
 * resident already on record, who now holds the phone and the requests.
 */
export const RESIDENT_VERIFICATIONS = ['verified', 'unverified', 'merged'] as const;
export type ResidentVerification = (typeof RESIDENT_VERIFICATIONS)[number];

/** The languages the resident app speaks. */
export const RESIDENT_LANGUAGES = ['zh-CN', 'en'] as const;
export type ResidentLanguage = (typeof RESIDENT_LANGUAGES)[number];

/**
 * A right code for a phone that no resident holds yet: the phone is proven, and this token lets
 * its owner register it (`POST /api/auth/resident/register`) within `expiresInSeconds`.
 */
export interface RegistrationRequired {
  registrationRequired: true;
  registrationToken: string;
  expiresInSeconds: number;
  phoneMasked: string;
}

/** `POST /api/auth/resident/login`: a session, or (for a phone nobody holds yet) a registration. */
export type ResidentLoginResult = LoginResponse | RegistrationRequired;

/** Who the resident is and where they live; foreigners give their passport name and nationality. */
export interface ResidentProfileInput {
  /** The name as on the ID card, or for a foreigner as on the passport. */
  name: string;
  foreign: boolean;
  /** ISO 3166-1 alpha-2 (`US`, `KR`), required for a foreigner. */
  nationality?: string | null;
  preferredLanguage?: ResidentLanguage;
  communityId: string;
  compoundId?: string | null;
}

export interface RegisterResidentRequest extends ResidentProfileInput {
  registrationToken: string;
}

/**
 * `POST /api/residents`: a walk-in registered by the community's staff at intake (verified: staff
 * saw them). The community is the staff member's own.
 */
export interface CreateResidentRequest extends Omit<ResidentProfileInput, 'communityId'> {
  phone: string;
  idNumber?: string | null;
}

/** `POST /api/residents/:id/merge`: this (unverified) registration is the resident on record. */
export interface MergeResidentRequest {
  intoResidentId: string;
}

/** A community and its compounds, for the registration form (public, no person in it). */
export interface PublicCommunity {
  id: string;
  name: string;
  nameEn: string;
  streetName: string;
  streetNameEn: string;
  compounds: { id: string; name: string; nameEn: string }[];
}

/**
 * `GET /api/cases/:id/contact` (the requester) and `GET /api/cases/:id/parties/:index/contact`
 * (a party of the mediation): unmasked, one contact at a time, every read audited.
 */
export interface CaseContact {
  caseId: string;
  source: 'resident' | 'walk_in' | 'party';
  /** The resident on record, when the contact is one. */
  residentId: string | null;
  /** For a mediation party: its place in the record. */
  partyIndex: number | null;
  name: string;
  phone: string | null;
  idNumber: string | null;
  /** The e-mail an Open311 client gave for its submitter; absent for every other contact. */
  email?: string | null;
}
