import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  ApiRequestError,
  createRequestClient,
  newIdempotencyKey,
  refreshFailure,
  type RefreshOutcome,
  type RequestClient,
} from '../src/index.js';
import { apiErrorResponse, jsonResponse, stubFetch } from '../src/testing/index.js';

/** An app's session as the client sees it: a token in memory and a refresh endpoint. */
function appSession(initial: string | null) {
  const session = {
    token: initial,
    refreshes: 0,
    cleared: 0,
    accessToken: () => session.token,
    clear: () => {
      session.cleared += 1;
      session.token = null;
    },
    refresh: async (): Promise<RefreshOutcome> => {
      session.refreshes += 1;
      try {
        const pair = await client.request<{ accessToken: string }>('/auth/app/refresh', {
          method: 'POST',
          auth: false,
          silent: true,
        });
        session.token = pair.accessToken;
        return 'renewed';
      } catch (err) {
        return refreshFailure(err);
      }
    },
  };
  const reported: ApiRequestError[] = [];
  const client: RequestClient = createRequestClient({
    baseUrl: '/api',
    session,
    onError: (err) => reported.push(err),
  });
  return { session, client, reported };
}

const expired = () => apiErrorResponse(401, 'TOKEN_INVALID');
const rotated = () => jsonResponse(200, { accessToken: 'new' });
const withNewToken = (body: unknown) => (call: { headers: Record<string, string> }) =>
  call.headers['authorization'] === 'Bearer new' ? jsonResponse(200, body) : expired();

describe('request client: the session', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('renews once on 401 and retries the call with the new token', async () => {
    const { session, client, reported } = appSession('old');
    const { calls } = stubFetch({
      'GET /api/things': withNewToken(['a']),
      'POST /api/auth/app/refresh': rotated,
    });

    await expect(client.request('/things')).resolves.toEqual(['a']);

    expect(calls.map((c) => `${c.method} ${c.path} ${c.headers['authorization'] ?? '-'}`)).toEqual([
      'GET /api/things Bearer old',
      'POST /api/auth/app/refresh -',
      'GET /api/things Bearer new',
    ]);
    expect(session.token).toBe('new');
    expect(reported).toEqual([]);
  });

  it('shares one refresh between calls that fail at the same time', async () => {
    const { session, client } = appSession('old');
    const { calls } = stubFetch({
      'GET /api/things': withNewToken(['a']),
      'GET /api/me': withNewToken({ id: 'u1' }),
      'POST /api/auth/app/refresh': rotated,
    });

    const results = await Promise.all([
      client.request('/things'),
      client.request('/me'),
      client.request('/things'),
    ]);

    expect(results).toEqual([['a'], { id: 'u1' }, ['a']]);
    expect(session.refreshes).toBe(1);
    expect(calls.filter((c) => c.path === '/api/auth/app/refresh')).toHaveLength(1);
    expect(calls).toHaveLength(7);
  });

  it('retries with a token renewed meanwhile instead of refreshing again', async () => {
    const { session, client } = appSession('old');
    const { calls } = stubFetch({
      'GET /api/things': (call) => {
        // Another call renewed the session while this one was on its way.
        session.token = 'new';
        return withNewToken(['a'])(call);
      },
    });

    await expect(client.request('/things')).resolves.toEqual(['a']);
    expect(session.refreshes).toBe(0);
    expect(calls.map((c) => c.headers['authorization'])).toEqual(['Bearer old', 'Bearer new']);
  });

  it('ends the session and says so when the refresh is refused', async () => {
    const { session, client, reported } = appSession('old');
    const onExpired = vi.fn();
    client.onSessionExpired(onExpired);
    const { calls } = stubFetch({
      'GET /api/things': expired,
      'POST /api/auth/app/refresh': expired,
    });

    const error = await client.request('/things').catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiRequestError);
    expect(error).toMatchObject({ code: 'TOKEN_INVALID', status: 401, sessionExpired: true });
    expect(calls).toHaveLength(2);
    expect(session.token).toBeNull();
    expect(onExpired).toHaveBeenCalledTimes(1);
    expect(reported).toEqual([error]);
  });

  it('retries only once: a second 401 with the fresh token ends the session, no loop', async () => {
    const { session, client } = appSession('old');
    const { calls } = stubFetch({
      'GET /api/things': expired,
      'POST /api/auth/app/refresh': rotated,
    });

    await expect(client.request('/things', { silent: true })).rejects.toMatchObject({
      sessionExpired: true,
    });
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      'GET /api/things',
      'POST /api/auth/app/refresh',
      'GET /api/things',
    ]);
    expect(session.token).toBeNull();
  });

  it('keeps the session when the refresh gets no verdict, and reports the server unreachable', async () => {
    const { session, client } = appSession('old');
    stubFetch({
      'GET /api/things': expired,
      'POST /api/auth/app/refresh': () => jsonResponse(502),
    });

    const error = await client.request('/things', { silent: true }).catch((e: unknown) => e);

    expect(error).toMatchObject({ kind: 'network', unreachable: true, sessionExpired: false });
    expect(session.token).toBe('old');
    expect(session.cleared).toBe(0);
  });

  it('does not renew for calls without a token or for a 401 that is not about the token', async () => {
    const { session, client } = appSession('old');
    stubFetch({
      'POST /api/auth/app/login': () => apiErrorResponse(401, 'INVALID_CREDENTIALS'),
    });

    await expect(
      client.request('/auth/app/login', { method: 'POST', auth: false, silent: true }),
    ).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS', sessionExpired: false });
    expect(session.refreshes).toBe(0);
    expect(session.token).toBe('old');
  });

  it('gives the real-time connection a fresh token from the same refresh', async () => {
    const { session, client } = appSession('old');
    stubFetch({ 'POST /api/auth/app/refresh': rotated });

    const [a, b] = await Promise.all([
      client.renewAccessToken('old'),
      client.renewAccessToken('old'),
    ]);

    expect([a, b]).toEqual(['new', 'new']);
    expect(session.refreshes).toBe(1);
    // Refused with a token that is no longer current: the current one is the answer.
    await expect(client.renewAccessToken('older')).resolves.toBe('new');
    session.token = null;
    await expect(client.renewAccessToken('new')).resolves.toBeNull();
  });

  it('keeps the Idempotency-Key unchanged when a call is retried after a renewal', async () => {
    const { client } = appSession('old');
    const { calls } = stubFetch({
      'POST /api/things': withNewToken({ id: 't1' }),
      'POST /api/auth/app/refresh': rotated,
    });
    const key = newIdempotencyKey();

    await client.request('/things', {
      method: 'POST',
      body: { name: 'x' },
      headers: { 'Idempotency-Key': key },
    });

    const posts = calls.filter((c) => c.path === '/api/things');
    expect(posts.map((c) => c.headers['idempotency-key'])).toEqual([key, key]);
    expect(posts.map((c) => c.body)).toEqual([{ name: 'x' }, { name: 'x' }]);
  });
});

describe('request client: errors and bodies', () => {
  let client: RequestClient;
  let reported: ApiRequestError[];

  beforeEach(() => {
    ({ client, reported } = appSession(null));
  });

  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('carries the API error shape: code, field codes with their parameters, request id', async () => {
    stubFetch({
      'POST /api/things': () =>
        apiErrorResponse(400, 'VALIDATION_FAILED', {
          requestId: 'req-7',
          fields: [
            { field: 'name', code: 'too_long', params: { max: 64 }, message: 'too long' },
            { field: 'phone', code: 'invalid_phone', message: 'bad phone' },
          ],
        }),
    });

    const error = (await client
      .request('/things', { method: 'POST', body: {} })
      .catch((e: unknown) => e)) as ApiRequestError;

    expect(error).toBeInstanceOf(ApiRequestError);
    expect(error).toMatchObject({ kind: 'api', status: 400, code: 'VALIDATION_FAILED' });
    expect(error.error.requestId).toBe('req-7');
    expect(error.fieldError('name')).toMatchObject({ code: 'too_long', params: { max: 64 } });
    expect(error.fields.map((f) => f.field)).toEqual(['name', 'phone']);
    expect(reported).toEqual([error]);
  });

  it('maps a bare status from a proxy to a code, and a gateway error to "unavailable"', async () => {
    stubFetch({
      'GET /api/missing': () => new Response('<html>', { status: 404 }),
      'GET /api/down': () => new Response('Bad Gateway', { status: 502 }),
      'GET /api/slow': () =>
        jsonResponse(429, {
          statusCode: 429,
          code: 'TOO_MANY_REQUESTS',
          message: 'wait',
          details: { retryAfterSeconds: 15.2 },
        }),
    });

    const missing = await client.request('/missing').catch((e: unknown) => e);
    const down = await client.request('/down').catch((e: unknown) => e);
    const slow = await client.request('/slow').catch((e: unknown) => e);

    expect(missing).toMatchObject({ kind: 'api', code: 'NOT_FOUND', status: 404 });
    expect(down).toMatchObject({ kind: 'unavailable', unreachable: true, status: 502 });
    expect((slow as ApiRequestError).retryAfterSeconds).toBe(16);
  });

  it('reports an unreachable server, and stays quiet when asked to', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))),
    );

    const error = await client.request('/things', { silent: true }).catch((e: unknown) => e);

    expect(error).toMatchObject({ kind: 'network', unreachable: true, status: 0 });
    expect(reported).toEqual([]);
  });

  it('passes a cancelled call on as it is, unreported', async () => {
    const abort = new AbortController();
    vi.stubGlobal(
      'fetch',
      vi.fn(() => {
        abort.abort();
        return Promise.reject(new DOMException('The operation was aborted.', 'AbortError'));
      }),
    );

    const error = await client
      .request('/things', { signal: abort.signal })
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(DOMException);
    expect(reported).toEqual([]);
  });

  it('sends the query without empty values, JSON as JSON and multipart as it is', async () => {
    const { fetchMock, calls } = stubFetch({
      'GET /api/things': () => jsonResponse(200, []),
      'POST /api/photos': () => jsonResponse(201, { id: 'p1' }),
      'DELETE /api/things/1': () => new Response(null, { status: 204 }),
    });
    const form = new FormData();
    form.append('file', new Blob(['x'], { type: 'image/jpeg' }), 'x.jpg');

    await client.request('/things', { query: { a: 'x', b: '', c: undefined, d: null, e: 0 } });
    await client.request('/photos', { method: 'POST', body: form });
    await expect(client.request('/things/1', { method: 'DELETE' })).resolves.toBeUndefined();

    expect(calls[0]?.path).toBe('/api/things?a=x&e=0');
    const upload = fetchMock.mock.calls[1]?.[1];
    expect(upload?.body).toBe(form);
    expect(calls[1]?.headers['content-type']).toBeUndefined();
    expect(upload?.credentials).toBe('same-origin');
  });

  it('reads binary answers as blobs and refuses a success that is not JSON', async () => {
    stubFetch({
      'GET /api/photos/p1': () => new Response(new Blob(['jpeg']), { status: 200 }),
      'GET /api/odd': () => new Response('<html>', { status: 200 }),
    });

    const blob = await client.request<Blob>('/photos/p1', { responseType: 'blob' });
    expect(await blob.text()).toBe('jpeg');
    await expect(client.request('/odd', { silent: true })).rejects.toMatchObject({
      code: 'INTERNAL',
      kind: 'api',
    });
  });
});
