/** Stable error codes: front ends branch and translate on these, never on messages. */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'MALFORMED_JSON',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'UNAUTHENTICATED',
  'INVALID_CREDENTIALS',
  'TOO_MANY_REQUESTS',
  'OTP_INVALID',
  'TOKEN_INVALID',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'STALE_VERSION',
  'ILLEGAL_TRANSITION',
  'IDEMPOTENCY_KEY_REUSED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface FieldError {
  /** Dotted path of the offending field, e.g. `weeklyHours.2.opens`. */
  field: string;
  message: string;
}

/** The one error shape of the whole API. */
export interface ApiError {
  statusCode: number;
  code: ErrorCode;
  message: string;
  fields?: FieldError[];
  /** Extra machine-readable detail, e.g. `allowed` transitions or `retryAfterSeconds`. */
  details?: Record<string, unknown>;
  requestId?: string;
}
