import type { ErrorCode, FieldError, FieldErrorCode, FieldErrorParams } from '@baitong/contracts';

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
  IMPORT_REJECTED: 422,
  INTERNAL: 500,
};

/** A field problem as services state it; without a `code` it is `invalid` (its message says why). */
export type FieldProblem = Omit<FieldError, 'code'> & { code?: FieldErrorCode };

/** Domain errors carry a stable code; the one exception filter maps them to HTTP. */
export class AppException extends Error {
  readonly statusCode: number;
  readonly fields?: FieldError[];

  constructor(
    readonly code: ErrorCode,
    message: string,
    fields?: FieldProblem[],
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.statusCode = STATUS[code];
    if (fields) this.fields = fields.map((f) => ({ ...f, code: f.code ?? 'invalid' }));
  }

  static notFound(what: string): AppException {
    return new AppException('NOT_FOUND', `${what} not found`);
  }

  static forbidden(message = 'You may not do this'): AppException {
    return new AppException('FORBIDDEN', message);
  }

  /** One bad field: `code` for the front ends (with `params`), `message` for people reading logs. */
  static invalid(
    field: string,
    message: string,
    code: FieldErrorCode = 'invalid',
    params?: FieldErrorParams,
  ): AppException {
    return new AppException('VALIDATION_FAILED', `${field}: ${message}`, [
      { field, code, ...(params ? { params } : {}), message },
    ]);
  }
}
