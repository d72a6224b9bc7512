export {
  ApiRequestError,
  networkError,
  toRequestError,
  type ApiErrorKind,
  type ApiRequestErrorOptions,
} from './api-error.js';
export {
  fieldErrorText,
  fieldErrorTexts,
  isFieldErrorCode,
  type Translator,
} from './field-errors.js';
export { newIdempotencyKey } from './idempotency.js';
export { isMainlandMobile, maskPhone, normalizePhone } from './phone.js';
export {
  RealtimeConnection,
  setSocketFactory,
  type ConnectionState,
  type RealtimeOptions,
} from './realtime.js';
export { oneTabAtATime, refreshFailure } from './refresh.js';
export {
  createRequestClient,
  type CallOptions,
  type QueryValue,
  type RefreshOutcome,
  type RequestClient,
  type RequestClientConfig,
  type RequestOptions,
  type SessionBinding,
} from './request-client.js';
export { localAddress, localName, localText, type Named } from './names.js';
