import type { Role, ScopeLevel } from './roles.js';

export interface ScopeRef {
  level: ScopeLevel;
  id: string;
  name: string;
}

export interface SessionUser {
  id: string;
  kind: 'staff' | 'resident';
  displayName: string;
  role: Role;
  scope: ScopeRef;
  /** Only for staff. */
  username?: string;
  /** Masked, e.g. 138****5678; only for residents (their own). */
  phoneMasked?: string;
}

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
}

export interface LoginResponse extends TokenPair {
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

export interface RefreshRequest {
  refreshToken: string;
}
