import { reactive } from 'vue';
import { ApiRequestError } from '@/api/api-error';
import { fieldErrorText } from '@/api/field-errors';
import { i18n } from '@/i18n';

const translator = {
  t: (key: string, params?: Record<string, string | number>) => i18n.global.t(key, params ?? {}),
  te: (key: string) => i18n.global.te(key),
};

/** The field errors of a failed call, `field path → text` in the current language. */
export function fieldErrorTexts(err: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!(err instanceof ApiRequestError)) return out;
  for (const error of err.fields) {
    const text = fieldErrorText(translator, error);
    out[error.field] = out[error.field] ? `${out[error.field]}; ${text}` : text;
  }
  return out;
}

/**
 * Field messages from a VALIDATION_FAILED answer, keyed by field path, for `el-form-item :error`:
 * each translated from its code, never the API's English sentence.
 */
export function useFieldErrors() {
  const fieldErrors = reactive<Record<string, string>>({});

  function clear() {
    for (const key of Object.keys(fieldErrors)) delete fieldErrors[key];
  }

  /**
   * Shows the field errors of `err`; true when there were any. A CONFLICT names no field, but
   * in a form whose only unique field is a code, that code is the likely culprit.
   */
  function capture(err: unknown, conflictField?: string): boolean {
    clear();
    if (!(err instanceof ApiRequestError)) return false;
    if (err.code === 'CONFLICT' && conflictField) {
      fieldErrors[conflictField] = i18n.global.t('validation.codeTaken');
      return true;
    }
    Object.assign(fieldErrors, fieldErrorTexts(err));
    return err.fields.length > 0;
  }

  return { fieldErrors, clear, capture };
}
