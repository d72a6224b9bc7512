import { ERROR_CODES, type ApiError, type ErrorCode, type FieldError } from '@baitong/contracts';
import { fieldErrorText } from '@/api/field-errors';
import { i18n } from '@/i18n';

const translator = {
  t: (key: string, params?: Record<string, string | number>) => i18n.global.t(key, params ?? {}),
  te: (key: string) => i18n.global.te(key),
};

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

  /** The API's error for one field (e.g. `phone`): its code and parameters. */
  fieldError(field: string): FieldError | undefined {
    return this.error.fields?.find((f) => f.field === field);
  }

  /**
   * What is wrong with one field, in the current language (from its code, never the API's English
   * sentence), to show beside that input.
   */
  fieldMessage(field: string): string | undefined {
    const error = this.fieldError(field);
    return error ? fieldErrorText(translator, error) : undefined;
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
