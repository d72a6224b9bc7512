// The one error of every endpoint function, shared with the resident app.
export { ApiRequestError, type ApiErrorKind } from '@baitong/web-client';
