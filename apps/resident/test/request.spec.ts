import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { fetchMe } from '@/api/auth';
import { listPublicDesks } from '@/api/desks';
import { fieldMessage } from '@/api/field-errors';
import { ApiRequestError, request } from '@/api/request';
import { readTokens, saveTokens } from '@/api/token-storage';
import { useAuthStore } from '@/stores/auth';
import { apiError, authHeader, calls, json, resident, stubFetch } from './helpers';

const ROTATED = { accessToken: 'a-2', expiresIn: 900, user: resident };

function bearer(init: RequestInit): string | undefined {
  return (init.headers as Record<string, string>).Authorization;
}

describe('request client', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    saveTokens({ accessToken: 'a-1' });
  });

  it('refreshes once on 401 and retries the call with the new token', async () => {
    const fetchMock = stubFetch((url, init) => {
      if (url === '/api/auth/resident/refresh') return json(ROTATED);
      return bearer(init) === 'Bearer a-2' ? json(resident) : apiError(401, 'UNAUTHENTICATED');
    });

    const me = await fetchMe();

    expect(me.displayName).toBe('Anna Müller');
    expect(calls(fetchMock)).toEqual([
      'GET /api/auth/me',
      'POST /api/auth/resident/refresh',
      'GET /api/auth/me',
    ]);
    // No token in the body: the browser sends the httpOnly cookie.
    expect(fetchMock.mock.calls[1]?.[1].body).toBeUndefined();
    expect(authHeader(fetchMock, 0)).toBe('Bearer a-1');
    expect(authHeader(fetchMock, 2)).toBe('Bearer a-2');
    expect(readTokens()).toEqual({ accessToken: 'a-2' });
  });

  it('shares one refresh between calls that fail together', async () => {
    const fetchMock = stubFetch((url, init) => {
      if (url === '/api/auth/resident/refresh') return json(ROTATED);
      return bearer(init) === 'Bearer a-2' ? json(resident) : apiError(401, 'UNAUTHENTICATED');
    });

    await Promise.all([fetchMe(), fetchMe(), fetchMe()]);

    expect(calls(fetchMock).filter((c) => c === 'POST /api/auth/resident/refresh')).toHaveLength(1);
    expect(calls(fetchMock)).toHaveLength(7);
  });

  it('retries only once: a second 401 is reported, not looped', async () => {
    const fetchMock = stubFetch((url) =>
      url === '/api/auth/resident/refresh' ? json(ROTATED) : apiError(401, 'UNAUTHENTICATED'),
    );

    await expect(fetchMe({ silent: true })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(calls(fetchMock)).toEqual([
      'GET /api/auth/me',
      'POST /api/auth/resident/refresh',
      'GET /api/auth/me',
    ]);
  });

  it('ends the session when the refresh token is refused', async () => {
    const auth = useAuthStore();
    stubFetch((url) =>
      url === '/api/auth/resident/refresh'
        ? apiError(401, 'TOKEN_INVALID')
        : apiError(401, 'UNAUTHENTICATED'),
    );

    const failure = await fetchMe({ silent: true }).catch((e: unknown) => e);

    expect(failure).toBeInstanceOf(ApiRequestError);
    expect((failure as ApiRequestError).code).toBe('UNAUTHENTICATED');
    expect(readTokens()).toBeNull();
    expect(auth.isLoggedIn).toBe(false);
  });

  it('sends no token to public endpoints and builds the query string', async () => {
    const fetchMock = stubFetch(() => json([]));

    await listPublicDesks({ lat: 29.61, lng: 106.52, limit: 20 });

    expect(calls(fetchMock)).toEqual(['GET /api/public/desks?lat=29.61&lng=106.52&limit=20']);
    expect(authHeader(fetchMock, 0)).toBeUndefined();
  });

  it('carries the API error shape, fields included', async () => {
    stubFetch(() =>
      apiError(400, 'VALIDATION_FAILED', {
        fields: [
          {
            field: 'phone',
            code: 'invalid_phone',
            message: 'phone must be a mainland mobile number',
          },
        ],
        requestId: 'req-7',
      }),
    );

    const failure = await request('/auth/resident/otp', {
      method: 'POST',
      body: { phone: '1' },
      silent: true,
    }).catch((e: unknown) => e);

    expect(failure).toBeInstanceOf(ApiRequestError);
    const error = failure as ApiRequestError;
    expect(error.status).toBe(400);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.error.requestId).toBe('req-7');
    expect(error.fieldError('phone')).toMatchObject({ field: 'phone', code: 'invalid_phone' });
    expect(fieldMessage(error, 'phone')).toBe('Enter a valid phone number');
  });

  it('reports an unreachable server as such', async () => {
    stubFetch(() => {
      throw new TypeError('Failed to fetch');
    });

    const failure = await request('/public/desks', { auth: false, silent: true }).catch(
      (e: unknown) => e,
    );

    expect(failure).toBeInstanceOf(ApiRequestError);
    expect((failure as ApiRequestError).unreachable).toBe(true);
  });

  it('toasts the translated error by default', async () => {
    stubFetch(() => apiError(404, 'NOT_FOUND'));

    await expect(request('/public/desks/x', { auth: false })).rejects.toBeInstanceOf(
      ApiRequestError,
    );

    await expect
      .poll(() => document.body.textContent)
      .toContain("We couldn't find it. It may have been removed.");
  });
});
