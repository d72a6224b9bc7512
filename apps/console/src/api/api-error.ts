import type { ApiError, ErrorCode, FieldError } from '@baitong/contracts';

/**
 * `api`: the server answered with an error; `network`: it could not be reached;
 * `unavailable`: a gateway answered for it (e.g. 502 from the proxy while the API is down).
 */
export type ApiErrorKind = 'api' | 'network' | 'unavailable';

/** The one error every endpoint function throws; carries the API's `ApiError`. */
export class ApiRequestError extends Error {
  readonly error: ApiError;
  readonly kind: ApiErrorKind;
  /** Set when the session could not be renewed and the user was signed out. */
  readonly sessionExpired: boolean;

  constructor(error: ApiError, kind: ApiErrorKind = 'api', sessionExpired = false) {
    super(error.message);
    this.name = 'ApiRequestError';
    this.error = error;
    this.kind = kind;
    this.sessionExpired = sessionExpired;
  }

  get code(): ErrorCode {
    return this.error.code;
  }

  get status(): number {
    return this.error.statusCode;
  }

  get fields(): FieldError[] {
    return this.error.fields ?? [];
  }
}
