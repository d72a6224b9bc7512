import type { ApiError, ErrorCode } from '@baitong/contracts';
import { ERROR_CODES } from '@baitong/contracts';
import { ElMessage } from 'element-plus';
import { ApiRequestError } from '@/api/api-error';
import { errorMessage } from '@/api/error-message';
import { useAuthStore } from '@/stores/auth';

export const API_BASE = '/api';

export type QueryValue = string | number | boolean | null | undefined;

/** What every endpoint function lets its caller choose. */
export interface CallOptions {
  /** Do not show the error toast; the caller explains the error itself. */
  silent?: boolean;
  signal?: AbortSignal;
}

export interface RequestOptions extends CallOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Record<string, QueryValue>;
  /** JSON-encoded, except a `FormData` (multipart upload), which is sent as it is. */
  body?: unknown;
  /** Extra headers such as `Idempotency-Key`; sent again unchanged when the call is retried. */
  headers?: Record<string, string>;
  /** `blob` for binary answers such as photos; JSON otherwise. */
  responseType?: 'json' | 'blob';
  /** Send the access token (default true). */
  auth?: boolean;
  /** On 401, renew the session once and retry, else sign out (default: same as `auth`). */
  renew?: boolean;
}

let refreshing: Promise<boolean> | null = null;
let sessionExpiredHandler: (() => void) | null = null;

/** Called once the session cannot be renewed; the app sends the user to the login page. */
export function onSessionExpired(handler: (() => void) | null): void {
  sessionExpiredHandler = handler;
}

// Single flight: every call that meets a 401 at the same time waits for the same refresh.
function refreshOnce(): Promise<boolean> {
  refreshing ??= useAuthStore()
    .refresh()
    .finally(() => {
      refreshing = null;
    });
  return refreshing;
}

function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return `${API_BASE}${path}${search ? `?${search}` : ''}`;
}

const STATUS_CODES: Record<number, ErrorCode> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'TOO_MANY_REQUESTS',
};

function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

async function toRequestError(response: Response): Promise<ApiRequestError> {
  const body = await readJson(response);
  if (body && typeof body === 'object' && isErrorCode((body as ApiError).code)) {
    return new ApiRequestError({ ...(body as ApiError), statusCode: response.status });
  }
  // No error body of ours: a proxy or gateway answered instead of the API.
  const error: ApiError = {
    statusCode: response.status,
    code: STATUS_CODES[response.status] ?? 'INTERNAL',
    message: response.statusText || `HTTP ${response.status}`,
  };
  const kind = [502, 503, 504].includes(response.status) ? 'unavailable' : 'api';
  return new ApiRequestError(error, kind);
}

function expireSession(cause: ApiRequestError): ApiRequestError {
  useAuthStore().clearSession();
  sessionExpiredHandler?.();
  return new ApiRequestError(cause.error, cause.kind, true);
}

async function send<T>(path: string, options: RequestOptions, mayRenew: boolean): Promise<T> {
  const auth = useAuthStore();
  const useToken = options.auth !== false;
  const renew = options.renew ?? useToken;
  const multipart = typeof FormData !== 'undefined' && options.body instanceof FormData;
  const headers: Record<string, string> = {
    Accept: options.responseType === 'blob' ? '*/*' : 'application/json',
    ...options.headers,
  };
  // The browser sets a multipart body's Content-Type itself, with its boundary.
  if (options.body !== undefined && !multipart) headers['Content-Type'] = 'application/json';
  if (useToken && auth.accessToken) headers['Authorization'] = `Bearer ${auth.accessToken}`;
  let body: BodyInit | undefined;
  if (multipart) body = options.body as FormData;
  else if (options.body !== undefined) body = JSON.stringify(options.body);

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method: options.method ?? 'GET',
      headers,
      body,
      signal: options.signal,
      // The refresh cookie goes to our own /api/auth/staff routes only; never cross-origin.
      credentials: 'same-origin',
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiRequestError(
      { statusCode: 0, code: 'INTERNAL', message: 'Network request failed' },
      'network',
    );
  }

  if (response.ok) {
    if (options.responseType === 'blob') return (await response.blob()) as T;
    return (await readJson(response)) as T;
  }

  const error = await toRequestError(response);
  if (response.status === 401 && renew) {
    const renewable = error.code === 'TOKEN_INVALID' || error.code === 'UNAUTHENTICATED';
    if (renewable && mayRenew && auth.isAuthenticated && (await refreshOnce())) {
      return send<T>(path, options, false);
    }
    throw expireSession(error);
  }
  throw error;
}

/**
 * A usable access token after `rejected` was refused somewhere other than an HTTP call (the
 * real-time connection): the current one when it has been renewed meanwhile, else a fresh one
 * from the same single-flight refresh the HTTP calls use; null when the session is over or the
 * server cannot be reached.
 */
export async function renewAccessToken(rejected: string | null): Promise<string | null> {
  const auth = useAuthStore();
  if (!auth.isAuthenticated) return null;
  if (auth.accessToken && auth.accessToken !== rejected) return auth.accessToken;
  let renewed: boolean;
  try {
    renewed = await refreshOnce();
  } catch {
    return null;
  }
  if (!renewed) {
    sessionExpiredHandler?.();
    return null;
  }
  return auth.accessToken;
}

/** The console's one HTTP client: JSON, bearer token, one renewal on 401, one error toast. */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  try {
    return await send<T>(path, options, true);
  } catch (err) {
    if (!options.silent && !(err instanceof DOMException && err.name === 'AbortError')) {
      // grouping folds identical messages from parallel calls into one toast.
      ElMessage({ type: 'error', message: errorMessage(err), grouping: true, showClose: true });
    }
    throw err;
  }
}
