import { reactive } from 'vue';
import { ApiRequestError } from '@/api/api-error';
import { i18n } from '@/i18n';

/** Field messages from a VALIDATION_FAILED answer, keyed by field path, for `el-form-item :error`. */
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
    for (const { field, message } of err.fields) {
      fieldErrors[field] = fieldErrors[field] ? `${fieldErrors[field]}; ${message}` : message;
    }
    return err.fields.length > 0;
  }

  return { fieldErrors, clear, capture };
}
