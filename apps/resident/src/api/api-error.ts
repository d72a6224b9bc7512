// The one error of every endpoint function, shared with the console.
export { ApiRequestError, type ApiErrorKind } from '@baitong/web-client';
