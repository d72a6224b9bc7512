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
  /** An import refused as a whole; `details.errors` lists each row and column at fault. */
  'IMPORT_REJECTED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * Stable codes for what is wrong with one field; front ends translate them (with `params`) and
 * show the text beside the field. Lower case, so they never mix with the `ErrorCode`s above.
 */
export const FIELD_ERROR_CODES = [
  /** Missing, null, or empty once trimmed (whitespace only counts as empty). */
  'required',
  /** `{ min }` characters at least. */
  'too_short',
  /** `{ max }` characters at most. */
  'too_long',
  /** `{ min }` at least (numbers). */
  'too_small',
  /** `{ max }` at most (numbers). */
  'too_large',
  'not_a_number',
  'not_an_integer',
  'not_text',
  'not_a_boolean',
  'not_a_list',
  'not_an_object',
  /** `{ allowed }`: the values that are allowed. */
  'not_one_of',
  /** `{ max }` items at most. */
  'too_many',
  /** `{ min }` items at least. */
  'too_few',
  'invalid_id',
  /** A calendar date `YYYY-MM-DD` or an ISO 8601 instant. */
  'invalid_date',
  /** `HH:mm`, 24:00 allowed where a day ends. */
  'invalid_time',
  'invalid_phone',
  /** Letters, digits, - or _ (`{ max }` long). */
  'invalid_code',
  /** `{ length }` digits. */
  'digits',
  'invalid_latitude',
  'invalid_longitude',
  /** A position outside China (after conversion to WGS-84): Baitong serves a Chinese district. */
  'outside_china',
  'invalid_format',
  /** Not a field of this request. */
  'unknown_field',
  /** A referenced record (category, desk, compound …) that does not exist here. */
  'not_found',
  /** Fixed once set (a compound stays in its community, a category keeps its kind). */
  'unchangeable',
  /** Set by someone else (rating facts: the bureau or the street admin). */
  'locked',
  /** Must be today or later. */
  'in_past',
  /** Goes together with `{ with }`. */
  'paired',
  /** Must be after `{ field }`. */
  'not_after',
  'duplicate',
  'overlaps',
  /** The desk or case already is what was asked. */
  'unchanged',
  /** Photo uploads: the file is not a JPEG, PNG, WebP or HEIC image. */
  'not_an_image',
  'empty_file',
  /** Not an xlsx workbook (a roster import). */
  'not_a_spreadsheet',
  /** A date after today. */
  'in_future',
  /** `{ maxMb }` MB at most. */
  'file_too_large',
  /** `{ maxMegapixels }` at most. */
  'too_many_pixels',
  /** An HEIC photo whose location data cannot be removed: send a JPEG. */
  'heic_unsupported',
  /** `{ max }` uploaded photos waiting to be attached to a request. */
  'photo_quota',
  /** `{ maxMb }` MB of photos a day. */
  'photo_daily_limit',
  /** Anything else; `message` says what. */
  'invalid',
] as const;
export type FieldErrorCode = (typeof FIELD_ERROR_CODES)[number];

/** Values a field error's text is built from, e.g. `{ min: 5 }` or `{ allowed: ['a', 'b'] }`. */
export type FieldErrorParams = Record<string, string | number | string[]>;

export interface FieldError {
  /** Dotted path of the offending field, e.g. `weeklyHours.2.opens`. */
  field: string;
  code: FieldErrorCode;
  params?: FieldErrorParams;
  /** English, for logs and API users; the front ends show `code` translated. */
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
