import { ERROR_CODES, type ApiError, type ErrorCode, type FieldError } from '@baitong/contracts';

/**
 * `api`: the server answered with an error; `network`: it could not be reached;
 * `unavailable`: a gateway answered for it (e.g. 502 from the proxy while the API is down).
 */
export type ApiErrorKind = 'api' | 'network' | 'unavailable';

export interface ApiRequestErrorOptions {
  kind?: ApiErrorKind;
  /** Set when the session could not be renewed and the user was signed out. */
  sessionExpired?: boolean;
  cause?: unknown;
}

/** The one error every endpoint function throws; carries the API's `ApiError` shape. */
export class ApiRequestError extends Error {
  override readonly name = 'ApiRequestError';
  readonly error: ApiError;
  readonly kind: ApiErrorKind;
  readonly sessionExpired: boolean;

  constructor(error: ApiError, options: ApiRequestErrorOptions = {}) {
    super(error.message, { cause: options.cause });
    this.error = error;
    this.kind = options.kind ?? 'api';
    this.sessionExpired = options.sessionExpired ?? false;
  }

  get code(): ErrorCode {
    return this.error.code;
  }

  get status(): number {
    return this.error.statusCode;
  }

  /** True when the service could not be reached at all (offline, proxy or gateway down). */
  get unreachable(): boolean {
    return this.kind !== 'api';
  }

  get fields(): FieldError[] {
    return this.error.fields ?? [];
  }

  /** The API's error for one field (e.g. `phone`): its code and parameters. */
  fieldError(field: string): FieldError | undefined {
    return this.fields.find((f) => f.field === field);
  }

  /** Whole seconds to wait before trying again (429), when the API says. */
  get retryAfterSeconds(): number | null {
    const raw = this.error.details?.['retryAfterSeconds'];
    const value = typeof raw === 'number' ? raw : Number(raw);
    return Number.isFinite(value) && value > 0 ? Math.ceil(value) : null;
  }
}

/** What a bare HTTP status means when no error body of ours came with it. */
const STATUS_CODES: Partial<Record<number, ErrorCode>> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'TOO_MANY_REQUESTS',
};

const GATEWAY_STATUSES = [502, 503, 504];

function isApiError(body: unknown): body is ApiError {
  if (typeof body !== 'object' || body === null) return false;
  const { code, message } = body as Record<string, unknown>;
  return (
    typeof code === 'string' &&
    (ERROR_CODES as readonly string[]).includes(code) &&
    typeof message === 'string'
  );
}

/**
 * The error for a failed response: the API's own error body when there is one (its status
 * wins), else one built from the HTTP status — a proxy or gateway answered instead of the API,
 * and a 502/503/504 from one means the API is unavailable.
 */
export function toRequestError(status: number, statusText: string, body: unknown): ApiRequestError {
  if (isApiError(body)) return new ApiRequestError({ ...body, statusCode: status });
  const error: ApiError = {
    statusCode: status,
    code: STATUS_CODES[status] ?? 'INTERNAL',
    message: statusText || `HTTP ${status}`,
  };
  return new ApiRequestError(error, {
    kind: GATEWAY_STATUSES.includes(status) ? 'unavailable' : 'api',
  });
}

/** A call that never got an answer (offline, DNS, connection refused). */
export function networkError(cause: unknown): ApiRequestError {
  return new ApiRequestError(
    { statusCode: 0, code: 'INTERNAL', message: 'Network request failed' },
    { kind: 'network', cause },
  );
}
