import type {
  LoginResponse,
  OtpRequest,
  OtpResponse,
  RegisterResidentRequest,
  RegistrationRequired,
  ResidentLoginRequest,
  ResidentLoginResult,
  SessionUser,
} from '@baitong/contracts';
import { request, type RequestOptions } from '@/api/request';

type CallOptions = Pick<RequestOptions, 'silent' | 'signal'>;

/** Outside production the API also returns the code it sent (docs/API.md), for demos. */
export type OtpResult = OtpResponse & { devCode?: string };

export function requestOtp(body: OtpRequest, options: CallOptions = {}): Promise<OtpResult> {
  return request<OtpResult>('/auth/resident/otp', {
    method: 'POST',
    body,
    auth: false,
    ...options,
  });
}

/** A session, or for a phone nobody holds yet a registration to fill in. */
export function loginResident(
  body: ResidentLoginRequest,
  options: CallOptions = {},
): Promise<ResidentLoginResult> {
  return request<ResidentLoginResult>('/auth/resident/login', {
    method: 'POST',
    body,
    auth: false,
    ...options,
  });
}

export function isRegistrationRequired(
  result: ResidentLoginResult,
): result is RegistrationRequired {
  return 'registrationRequired' in result && result.registrationRequired;
}

/** Registers the proven phone (unverified until the community confirms) and signs it in. */
export function registerResident(
  body: RegisterResidentRequest,
  options: CallOptions = {},
): Promise<LoginResponse> {
  return request<LoginResponse>('/auth/resident/register', {
    method: 'POST',
    body,
    auth: false,
    ...options,
  });
}

export function fetchMe(options: CallOptions = {}): Promise<SessionUser> {
  return request<SessionUser>('/auth/me', options);
}

/** Ends the session by its cookie (works after the access token expired) and clears the cookie. */
export function logout(options: CallOptions = {}): Promise<void> {
  return request<void>('/auth/resident/logout', { method: 'POST', auth: false, ...options });
}
