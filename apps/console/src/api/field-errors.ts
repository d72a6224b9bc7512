// Field error codes are translated from the console's locale files (`fieldErrors.*`).
export { fieldErrorText, isFieldErrorCode, type Translator } from '@baitong/web-client';
