import type { Street } from '@baitong/contracts';
import { setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiRequestError } from '@/api/api-error';
import { onSessionExpired, request } from '@/api/request';
import { useAuthStore } from '@/stores/auth';
import {
  createTestPinia,
  jsonResponse,
  loginResponse,
  makeUser,
  storeSession,
  stubFetch,
} from './helpers';

const user = makeUser('bureau_admin', 'district', 'd1');
const streets: Street[] = [
  { id: 's1', code: 'LJ01', name: '礼嘉街道', nameEn: 'Lijia Street', communityCount: 12 },
];
const expired = () =>
  jsonResponse(401, { statusCode: 401, code: 'TOKEN_INVALID', message: 'jwt expired' });

function errorToasts() {
  return [...document.querySelectorAll('.el-message')].map((el) => el.textContent?.trim());
}

describe('request client', () => {
  beforeEach(() => {
    storeSession(user, null, 'old');
    setActivePinia(createTestPinia());
    onSessionExpired(null);
  });

  it('renews the session once on 401 and retries the call with the new token', async () => {
    const { calls } = stubFetch({
      'GET /api/streets': (call) =>
        call.headers['authorization'] === 'Bearer access-new'
          ? jsonResponse(200, streets)
          : expired(),
      'POST /api/auth/staff/refresh': () => jsonResponse(200, loginResponse(user, 'new')),
    });

    const result = await request<Street[]>('/streets');

    expect(result).toEqual(streets);
    expect(calls.map((c) => `${c.method} ${c.path} ${c.headers['authorization'] ?? '-'}`)).toEqual([
      'GET /api/streets Bearer access-old',
      'POST /api/auth/staff/refresh -',
      'GET /api/streets Bearer access-new',
    ]);
    // No token in the body: the browser sends the httpOnly cookie itself.
    expect(calls[1]?.body).toBeUndefined();
    const auth = useAuthStore();
    expect(auth.accessToken).toBe('access-new');
    // Memory only: nothing of the session is written to storage.
    expect(localStorage.length).toBe(0);
    expect(errorToasts()).toEqual([]);
  });

  it('shares one refresh between calls that fail at the same time', async () => {
    const { calls } = stubFetch({
      'GET /api/streets': (call) =>
        call.headers['authorization'] === 'Bearer access-new'
          ? jsonResponse(200, streets)
          : expired(),
      'GET /api/auth/me': (call) =>
        call.headers['authorization'] === 'Bearer access-new' ? jsonResponse(200, user) : expired(),
      'POST /api/auth/staff/refresh': () => jsonResponse(200, loginResponse(user, 'new')),
    });

    const [a, b] = await Promise.all([request('/streets'), request('/auth/me')]);

    expect(a).toEqual(streets);
    expect(b).toEqual(user);
    expect(calls.filter((c) => c.path === '/api/auth/staff/refresh')).toHaveLength(1);
  });

  it('signs out and reports an expired session when the refresh is refused', async () => {
    const expiredHandler = vi.fn();
    onSessionExpired(expiredHandler);
    const { calls } = stubFetch({
      'GET /api/streets': expired,
      'POST /api/auth/staff/refresh': expired,
    });

    const error = await request('/streets').catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiRequestError);
    expect((error as ApiRequestError).sessionExpired).toBe(true);
    expect(calls).toHaveLength(2);
    expect(useAuthStore().isAuthenticated).toBe(false);
    expect(useAuthStore().accessToken).toBeNull();
    expect(expiredHandler).toHaveBeenCalledTimes(1);
    expect(errorToasts()).toEqual(['登录已过期，请重新登录。']);
  });

  it('throws the API error with its code and fields and shows one translated toast', async () => {
    stubFetch({
      'POST /api/streets': () =>
        jsonResponse(400, {
          statusCode: 400,
          code: 'VALIDATION_FAILED',
          message: 'Validation failed',
          fields: [{ field: 'code', message: 'code must be unique' }],
        }),
    });

    const error = await request('/streets', { method: 'POST', body: { code: 'X' } }).catch(
      (e: unknown) => e,
    );

    expect(error).toBeInstanceOf(ApiRequestError);
    expect((error as ApiRequestError).code).toBe('VALIDATION_FAILED');
    expect((error as ApiRequestError).fields).toEqual([
      { field: 'code', message: 'code must be unique' },
    ]);
    expect(errorToasts()).toEqual(['提交的信息有误，请按提示修改后重试。']);
  });

  it('stays quiet when the caller asks for silence, and explains an unreachable server', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))),
    );

    const silent = await request('/streets', { silent: true }).catch((e: unknown) => e);
    expect((silent as ApiRequestError).kind).toBe('network');
    expect(errorToasts()).toEqual([]);

    await request('/streets').catch(() => undefined);
    expect(errorToasts()).toEqual(['无法连接服务器，请检查网络后重试。']);
  });

  it('sends query parameters without empty values', async () => {
    const { calls } = stubFetch({ 'GET /api/communities': () => jsonResponse(200, []) });

    await request('/communities', { query: { streetId: 's1', q: '', page: undefined } });

    expect(calls[0]?.path).toBe('/api/communities?streetId=s1');
  });
});
