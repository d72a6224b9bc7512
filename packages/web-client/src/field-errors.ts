import { FIELD_ERROR_CODES, type FieldError, type FieldErrorCode } from '@baitong/contracts';

/** The two calls of vue-i18n a field error needs; any i18n library can supply them. */
export interface Translator {
  t(key: string, params?: Record<string, string | number>): string;
  te(key: string): boolean;
}

/** Parameters that name another field (`not_after {field}`, `paired {with}`): shown translated. */
const FIELD_NAME_PARAMS = ['field', 'with'];

export function isFieldErrorCode(value: unknown): value is FieldErrorCode {
  return typeof value === 'string' && (FIELD_ERROR_CODES as readonly string[]).includes(value);
}

/**
 * One field error in the user's language, chosen by its code (`fieldErrors.<code>` in the app's
 * locale files) and filled with its parameters; never the API's English message. An unknown
 * code reads as `invalid`; a parameter naming a field reads as `fieldErrors.names.<field>`.
 */
export function fieldErrorText(
  i18n: Translator,
  error: Pick<FieldError, 'code' | 'params'>,
): string {
  const code = isFieldErrorCode(error.code) ? error.code : 'invalid';
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(error.params ?? {})) {
    if (Array.isArray(value)) params[name] = value.join(', ');
    else if (typeof value === 'string' && FIELD_NAME_PARAMS.includes(name)) {
      const key = `fieldErrors.names.${value}`;
      params[name] = i18n.te(key) ? i18n.t(key) : value;
    } else params[name] = value;
  }
  return i18n.t(`fieldErrors.${code}`, params);
}

/** Every field error of a failed call, `field path → text`; two errors on one field are joined. */
export function fieldErrorTexts(
  i18n: Translator,
  fields: readonly Pick<FieldError, 'field' | 'code' | 'params'>[],
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const error of fields) {
    const text = fieldErrorText(i18n, error);
    out[error.field] = out[error.field] ? `${out[error.field]}; ${text}` : text;
  }
  return out;
}
