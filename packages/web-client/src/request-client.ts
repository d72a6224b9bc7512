import type { ErrorCode } from '@baitong/contracts';
import { ApiRequestError, networkError, toRequestError } from './api-error.js';

export type QueryValue = string | number | boolean | null | undefined;

/** What every endpoint function lets its caller choose. */
export interface CallOptions {
  /** Do not report the error (no toast): the caller explains it itself. */
  silent?: boolean;
  signal?: AbortSignal;
}

export interface RequestOptions extends CallOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Empty values (undefined, null, '') are left out. */
  query?: Record<string, QueryValue>;
  /** JSON-encoded, except a `FormData` (multipart upload), which is sent as it is. */
  body?: unknown;
  /** Extra headers such as `Idempotency-Key`; sent again unchanged when the call is retried. */
  headers?: Record<string, string>;
  /** `blob` for binary answers such as photos and exports; JSON otherwise. */
  responseType?: 'json' | 'blob';
  /** Send the access token (default true); public and cookie-only endpoints pass false. */
  auth?: boolean;
}

/**
 * `renewed`: a new access token is in place; `refused`: the server refused the refresh cookie,
 * the session is over; `unreachable`: no verdict (offline, gateway down), the session is kept.
 */
export type RefreshOutcome = 'renewed' | 'refused' | 'unreachable';

/** How the client reaches the app's session; what differs between the apps. */
export interface SessionBinding {
  /** The access token to send, or null when nobody is signed in. */
  accessToken(): string | null;
  /**
   * Renews the access token from the app's refresh cookie (its own endpoint, under its own Web
   * Lock). The client makes sure only one renewal runs at a time.
   */
  refresh(): Promise<RefreshOutcome>;
  /** Drops the session: it cannot be renewed. */
  clear(): void;
}

export interface RequestClientConfig {
  /** Prefix of every path, e.g. `/api`. */
  baseUrl: string;
  session: SessionBinding;
  /** Explains a failed call its caller did not silence (the app's toast, in its language). */
  onError?: (error: ApiRequestError) => void;
}

export interface RequestClient {
  readonly baseUrl: string;
  /** JSON in and out, bearer token, one renewal and retry on 401; throws `ApiRequestError`. */
  request<T>(path: string, options?: RequestOptions): Promise<T>;
  /** Renews the session now; concurrent callers share one refresh. */
  refresh(): Promise<RefreshOutcome>;
  /**
   * A usable access token after `rejected` was refused somewhere other than an HTTP call (the
   * real-time connection): the current one when it was renewed meanwhile, else a fresh one from
   * the same single-flight refresh; null when the session is over or the server is unreachable.
   */
  renewAccessToken(rejected: string | null): Promise<string | null>;
  /** Called once the session could not be renewed (the app shows its login); null removes it. */
  onSessionExpired(handler: (() => void) | null): void;
}

type Renewal = { token: string } | { token: null; outcome: 'refused' | 'unreachable' };

// A 401 with another code (e.g. INVALID_CREDENTIALS) is not about an expired token.
const RENEWABLE: readonly ErrorCode[] = ['TOKEN_INVALID', 'UNAUTHENTICATED'];

function isAbort(cause: unknown, signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true || (cause instanceof DOMException && cause.name === 'AbortError');
}

async function readText(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

async function failure(response: Response): Promise<ApiRequestError> {
  return toRequestError(response.status, response.statusText, await readText(response));
}

async function success<T>(response: Response, options: RequestOptions): Promise<T> {
  if (options.responseType === 'blob') return (await response.blob()) as T;
  const text = await response.text();
  if (!text) return undefined as T;
  try {
    return JSON.parse(text) as T;
  } catch (cause) {
    throw new ApiRequestError(
      { statusCode: response.status, code: 'INTERNAL', message: 'Response is not JSON' },
      { cause },
    );
  }
}

/** The one HTTP client of a front end; each app creates it once with its session binding. */
export function createRequestClient(config: RequestClientConfig): RequestClient {
  const { baseUrl, session } = config;
  let refreshing: Promise<RefreshOutcome> | null = null;
  let expiredHandler: (() => void) | null = null;

  // Single flight: the refresh cookie rotates, so a second refresh with the same cookie would
  // look like theft and end the session.
  function refresh(): Promise<RefreshOutcome> {
    refreshing ??= session
      .refresh()
      .catch((): RefreshOutcome => 'unreachable')
      .finally(() => {
        refreshing = null;
      });
    return refreshing;
  }

  function expire(): void {
    session.clear();
    expiredHandler?.();
  }

  async function renew(rejected: string | null): Promise<Renewal> {
    const current = session.accessToken();
    if (current === null) return { token: null, outcome: 'refused' };
    if (current !== rejected) return { token: current };
    const outcome = await refresh();
    const token = outcome === 'renewed' ? session.accessToken() : null;
    if (token !== null) return { token };
    return { token: null, outcome: outcome === 'unreachable' ? 'unreachable' : 'refused' };
  }

  function buildUrl(path: string, query?: Record<string, QueryValue>): string {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value === undefined || value === null || value === '') continue;
      params.set(key, String(value));
    }
    const search = params.toString();
    return `${baseUrl}${path}${search ? `?${search}` : ''}`;
  }

  async function call(path: string, options: RequestOptions, token: string | null) {
    const multipart = typeof FormData !== 'undefined' && options.body instanceof FormData;
    const headers: Record<string, string> = {
      Accept: options.responseType === 'blob' ? '*/*' : 'application/json',
      ...options.headers,
    };
    // The browser sets a multipart body's Content-Type itself, with its boundary.
    if (options.body !== undefined && !multipart) headers['Content-Type'] = 'application/json';
    if (token) headers['Authorization'] = `Bearer ${token}`;
    let body: BodyInit | undefined;
    if (multipart) body = options.body as FormData;
    else if (options.body !== undefined) body = JSON.stringify(options.body);
    try {
      return await fetch(buildUrl(path, options.query), {
        method: options.method ?? 'GET',
        headers,
        body,
        signal: options.signal,
        // The refresh cookie goes to the app's own /api/auth routes only; never cross-origin.
        credentials: 'same-origin',
      });
    } catch (cause) {
      // A cancelled request is the caller's decision, not an error to explain.
      if (isAbort(cause, options.signal)) throw cause;
      throw networkError(cause);
    }
  }

  function expired(error: ApiRequestError): ApiRequestError {
    expire();
    return new ApiRequestError(error.error, { kind: error.kind, sessionExpired: true });
  }

  async function send<T>(path: string, options: RequestOptions): Promise<T> {
    const token = options.auth === false ? null : session.accessToken();
    let response = await call(path, options, token);
    if (response.status === 401 && token !== null) {
      const error = await failure(response);
      if (!RENEWABLE.includes(error.code)) throw expired(error);
      const renewed = await renew(token);
      if (renewed.token === null) {
        // No verdict on the session (offline): keep it, and say the server cannot be reached.
        throw renewed.outcome === 'refused' ? expired(error) : networkError(error);
      }
      response = await call(path, options, renewed.token);
      // Refused again with a fresh token: no second renewal, no loop.
      if (response.status === 401) throw expired(await failure(response));
    }
    if (!response.ok) throw await failure(response);
    return success<T>(response, options);
  }

  return {
    baseUrl,
    async request<T>(path: string, options: RequestOptions = {}): Promise<T> {
      try {
        return await send<T>(path, options);
      } catch (err) {
        if (err instanceof ApiRequestError && !options.silent) config.onError?.(err);
        throw err;
      }
    },
    refresh,
    async renewAccessToken(rejected) {
      if (session.accessToken() === null) return null;
      const renewed = await renew(rejected);
      if (renewed.token === null && renewed.outcome === 'refused') expire();
      return renewed.token;
    },
    onSessionExpired(handler) {
      expiredHandler = handler;
    },
  };
}
