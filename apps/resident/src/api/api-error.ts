import { ERROR_CODES, type ApiError, type ErrorCode } from '@baitong/contracts';

/** A failed API call, carrying the API's error shape so the UI can translate by `code`. */
export class ApiRequestError extends Error {
  override readonly name = 'ApiRequestError';
  readonly error: ApiError;
  /** True when the service could not be reached at all (offline, proxy or gateway down). */
  readonly unreachable: boolean;

  constructor(error: ApiError, options: { unreachable?: boolean; cause?: unknown } = {}) {
    super(error.message, { cause: options.cause });
    this.error = error;
    this.unreachable = options.unreachable ?? false;
  }

  get code(): ErrorCode {
    return this.error.code;
  }

  get status(): number {
    return this.error.statusCode;
  }

  get retryAfterSeconds(): number | null {
    const value = this.error.details?.retryAfterSeconds;
    return typeof value === 'number' && value > 0 ? Math.ceil(value) : null;
  }

  /** The API's message for one field (e.g. `phone`), to show beside that input. */
  fieldMessage(field: string): string | undefined {
    return this.error.fields?.find((f) => f.field === field)?.message;
  }
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

function isApiError(body: unknown): body is ApiError {
  if (typeof body !== 'object' || body === null) return false;
  const { code, message } = body as Record<string, unknown>;
  return (
    typeof code === 'string' &&
    (ERROR_CODES as readonly string[]).includes(code) &&
    typeof message === 'string'
  );
}

/** The API's own error body when there is one; otherwise one built from the HTTP status. */
export function toApiError(status: number, body: unknown): ApiError {
  if (isApiError(body)) return { ...body, statusCode: body.statusCode ?? status };
  return {
    statusCode: status,
    code: STATUS_CODES[status] ?? 'INTERNAL',
    message: `HTTP ${status}`,
  };
}
