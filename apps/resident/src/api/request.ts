import type { LoginResponse } from '@baitong/contracts';
import { showFailToast } from 'vant';
import { ApiRequestError, toApiError } from '@/api/api-error';
import { readTokens, saveTokens } from '@/api/token-storage';
import { describeError } from '@/i18n/errors';

export { ApiRequestError } from '@/api/api-error';

export const API_BASE = '/api';

type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Record<string, QueryValue>;
  body?: unknown;
  /** Send the bearer token when there is one (default). Public endpoints pass false. */
  auth?: boolean;
  /** Toast the translated error (default). Forms that explain errors inline pass false. */
  toast?: boolean;
  signal?: AbortSignal;
  /** Extra headers, e.g. `Idempotency-Key`; sent again unchanged when a call is retried. */
  headers?: Record<string, string>;
  /** `blob` for binary answers such as photos; JSON otherwise. */
  responseType?: 'json' | 'blob';
}

/** The one way the app talks to the API: `/api` + path, JSON in and out, errors as `ApiRequestError`. */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  try {
    return await send<T>(path, options);
  } catch (error) {
    if (error instanceof ApiRequestError && options.toast !== false) {
      showFailToast({ message: describeError(error), wordBreak: 'break-word' });
    }
    throw error;
  }
}

async function send<T>(path: string, options: RequestOptions): Promise<T> {
  const token = options.auth === false ? undefined : readTokens()?.accessToken;
  let response = await call(path, options, token);
  if (response.status === 401 && token !== undefined) {
    const renewed = await renewAccessToken(token);
    if (renewed) response = await call(path, options, renewed);
  }
  if (options.responseType === 'blob') return readBlob(response) as Promise<T>;
  return readBody<T>(response);
}

function buildUrl(path: string, query: Record<string, QueryValue> | undefined): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return `${API_BASE}${path}${search ? `?${search}` : ''}`;
}

async function call(path: string, options: RequestOptions, token?: string): Promise<Response> {
  // Multipart bodies (photos) go as they are: the browser sets the boundary in Content-Type.
  const multipart = typeof FormData !== 'undefined' && options.body instanceof FormData;
  const headers: Record<string, string> = {
    Accept: options.responseType === 'blob' ? '*/*' : 'application/json',
    ...options.headers,
  };
  if (options.body !== undefined && !multipart) headers['Content-Type'] = 'application/json';
  if (token) headers.Authorization = `Bearer ${token}`;
  let body: BodyInit | undefined;
  if (multipart) body = options.body as FormData;
  else if (options.body !== undefined) body = JSON.stringify(options.body);
  try {
    return await fetch(buildUrl(path, options.query), {
      method: options.method ?? 'GET',
      headers,
      body,
      signal: options.signal,
      // The refresh cookie goes to our own /api/auth/resident routes only; never cross-origin.
      credentials: 'same-origin',
    });
  } catch (cause) {
    // A cancelled request is the caller's decision, not an error to explain.
    if (options.signal?.aborted) throw cause;
    throw unreachable(cause);
  }
}

function unreachable(cause: unknown, status = 0): ApiRequestError {
  return new ApiRequestError(
    { statusCode: status, code: 'INTERNAL', message: 'Service unreachable' },
    { unreachable: true, cause },
  );
}

async function readBlob(response: Response): Promise<Blob> {
  if (response.ok) return response.blob();
  // Errors still come as the API's JSON shape.
  return readBody<never>(response);
}

async function readBody<T>(response: Response): Promise<T> {
  const text = await response.text();
  let body: unknown = undefined;
  let isJson = true;
  if (text !== '') {
    try {
      body = JSON.parse(text);
    } catch {
      isJson = false;
    }
  }
  if (!response.ok) {
    // A gateway answering for a stopped API server is "unreachable", not an API error.
    if ([502, 503, 504].includes(response.status) && body === undefined) {
      throw unreachable(undefined, response.status);
    }
    throw new ApiRequestError(toApiError(response.status, body));
  }
  if (!isJson) {
    throw new ApiRequestError({
      statusCode: response.status,
      code: 'INTERNAL',
      message: 'Response is not JSON',
    });
  }
  return body as T;
}

let refreshing: Promise<string | null> | null = null;

/**
 * A fresh access token after `rejected` was refused somewhere other than an HTTP call (the
 * real-time connection): shares the one refresh with the HTTP calls; null when the session is
 * over or the service cannot be reached.
 */
export function renewSession(rejected: string): Promise<string | null> {
  return renewAccessToken(rejected);
}

// Requests that fail with 401 together share one refresh; the refresh cookie rotates, so a
// second refresh with the same cookie would end the session.
function renewAccessToken(rejected: string): Promise<string | null> {
  const current = readTokens();
  if (!current) return Promise.resolve(null);
  if (current.accessToken !== rejected) return Promise.resolve(current.accessToken);
  return refreshOnce();
}

function refreshOnce(): Promise<string | null> {
  refreshing ??= oneTabAtATime(refresh).finally(() => {
    refreshing = null;
  });
  return refreshing;
}

/**
 * After a page load: a new access token from the refresh cookie, if the browser has one. True
 * once the server has answered (signed in or not), false when it could not be reached.
 */
export async function restoreSession(): Promise<boolean> {
  if (readTokens()) return true;
  return (await refreshOnce()) !== null || serverAnswered;
}

/** Whether the last refresh got a verdict (a new token or a refusal), not a network failure. */
let serverAnswered = false;

// Tabs share the refresh cookie and it rotates: two tabs refreshing at once would present the
// same cookie twice, which the server takes for theft. Web Locks make the tabs take turns.
function oneTabAtATime<T>(work: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  return locks ? locks.request('baitong.resident.refresh', work) : work();
}

async function refresh(): Promise<string | null> {
  serverAnswered = false;
  let response: Response;
  try {
    // No body: the browser sends the httpOnly cookie, scoped to /api/auth/resident.
    response = await fetch(`${API_BASE}/auth/resident/refresh`, {
      method: 'POST',
      headers: { Accept: 'application/json' },
      credentials: 'same-origin',
    });
  } catch {
    // Offline: keep the session; the original call reports its 401.
    return null;
  }
  if (!response.ok) {
    // The server refused the cookie: the session is over. A 5xx is not a verdict.
    if (response.status < 500) {
      serverAnswered = true;
      saveTokens(null);
    }
    return null;
  }
  let pair: Partial<LoginResponse> | null;
  try {
    pair = (await response.json()) as Partial<LoginResponse> | null;
  } catch {
    return null;
  }
  if (typeof pair?.accessToken !== 'string') return null;
  serverAnswered = true;
  saveTokens({ accessToken: pair.accessToken });
  return pair.accessToken;
}
