import type { ResidentVerification } from './residents.js';
import type { Role, ScopeLevel } from './roles.js';

export interface ScopeRef {
  level: ScopeLevel;
  id: string;
  name: string;
  /** The English name, for English mode; absent or empty: show `name`. */
  nameEn?: string;
}

export interface SessionUser {
  id: string;
  kind: 'staff' | 'resident';
  displayName: string;
  role: Role;
  scope: ScopeRef;
  /** Only for staff. */
  username?: string;
  /** Staff: the desk they work at (the workbench opens on it); null when they have none. */
  deskId?: string | null;
  /** Residents: the compound they are registered in (a new request goes there by default). */
  compound?: { id: string; name: string; nameEn?: string } | null;
  /** Masked, e.g. 138****5678; only for residents (their own). */
  phoneMasked?: string;
  /** Residents: `unverified` until their community's staff confirm a self-registration. */
  verification?: ResidentVerification;
}

/**
 * The access token, kept in memory by the app. The refresh token is never in a body: it is an
 * httpOnly cookie scoped to the app's own auth routes (`/api/auth/staff/*` for the console,
 * `/api/auth/resident/*` for the resident app), sent to `POST …/refresh` and `POST …/logout`.
 */
export interface AccessToken {
  accessToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
}

/** Answer of sign-in and of refresh. */
export interface LoginResponse extends AccessToken {
  user: SessionUser;
}

export interface StaffLoginRequest {
  username: string;
  password: string;
}

export interface OtpRequest {
  phone: string;
}

export interface OtpResponse {
  sent: true;
  expiresInSeconds: number;
  /** Seconds before another code may be requested. */
  resendAfterSeconds: number;
}

export interface ResidentLoginRequest {
  phone: string;
  code: string;
}
