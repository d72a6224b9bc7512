import type { LoginResponse, SessionUser, StaffLoginRequest } from '@baitong/contracts';
import { request, type CallOptions } from '@/api/request';

export function staffLogin(body: StaffLoginRequest, options: CallOptions = {}) {
  return request<LoginResponse>('/auth/staff/login', {
    ...options,
    method: 'POST',
    body,
    auth: false,
  });
}

export function refreshSession(refreshToken: string) {
  return request<LoginResponse>('/auth/refresh', {
    method: 'POST',
    body: { refreshToken },
    auth: false,
    silent: true,
  });
}

// A failed logout must not start a renewal: the session is being dropped anyway.
export function logoutSession() {
  return request<void>('/auth/logout', { method: 'POST', renew: false, silent: true });
}

export function fetchMe(options: CallOptions = {}) {
  return request<SessionUser>('/auth/me', options);
}
