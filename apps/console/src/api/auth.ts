import type { LoginResponse, SessionUser, StaffLoginRequest } from '@baitong/contracts';
import { request, type CallOptions } from '@/api/request';

/** Signs in; the refresh token comes back only as the console's httpOnly cookie. */
export function staffLogin(body: StaffLoginRequest, options: CallOptions = {}) {
  return request<LoginResponse>('/auth/staff/login', {
    ...options,
    method: 'POST',
    body,
    auth: false,
  });
}

/** A new access token for the console's refresh cookie (the browser sends it, scoped to /api/auth/staff). */
export function refreshSession() {
  return request<LoginResponse>('/auth/staff/refresh', {
    method: 'POST',
    auth: false,
    silent: true,
  });
}

// By the cookie, so it works after the access token expired; a failure must not start a renewal.
export function logoutSession() {
  return request<void>('/auth/staff/logout', { method: 'POST', auth: false, silent: true });
}

export function fetchMe(options: CallOptions = {}) {
  return request<SessionUser>('/auth/me', options);
}
