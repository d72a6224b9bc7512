import type { ErrorCode, FieldError } from '@baitong/contracts';

const STATUS: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  MALFORMED_JSON: 400,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  TOO_MANY_REQUESTS: 429,
  OTP_INVALID: 401,
  TOKEN_INVALID: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  STALE_VERSION: 409,
  ILLEGAL_TRANSITION: 409,
  IDEMPOTENCY_KEY_REUSED: 422,
  INTERNAL: 500,
};

/** Domain errors carry a stable code; the one exception filter maps them to HTTP. */
export class AppException extends Error {
  readonly statusCode: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldError[],
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.statusCode = STATUS[code];
  }

  static notFound(what: string): AppException {
    return new AppException('NOT_FOUND', `${what} not found`);
  }

  static forbidden(message = 'You may not do this'): AppException {
    return new AppException('FORBIDDEN', message);
  }

  static invalid(field: string, message: string): AppException {
    return new AppException('VALIDATION_FAILED', `${field}: ${message}`, [{ field, message }]);
  }
}
