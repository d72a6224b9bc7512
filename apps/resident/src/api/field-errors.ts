import { ApiRequestError, fieldErrorText, type Translator } from '@baitong/web-client';
import { i18n } from '@/i18n';

// Field error codes are translated from the app's locale files (`fieldErrors.*`).
export { fieldErrorText, isFieldErrorCode, type Translator } from '@baitong/web-client';

const translator: Translator = {
  t: (key, params) => i18n.global.t(key, params ?? {}),
  te: (key) => i18n.global.te(key),
};

/**
 * What is wrong with one field of a failed call, in the current language (from its code, never
 * the API's English sentence), to show beside that input; undefined when the field is fine.
 */
export function fieldMessage(error: unknown, field: string): string | undefined {
  if (!(error instanceof ApiRequestError)) return undefined;
  const found = error.fieldError(field);
  return found ? fieldErrorText(translator, found) : undefined;
}
