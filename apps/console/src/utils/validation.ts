import type { FormItemRule } from 'element-plus';

/** The API's rule for codes of streets, communities and grids. */
export const CODE_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;

/**
 * A text that must be given: whitespace only counts as empty, as on the server (which trims every
 * string before it validates).
 */
export function requiredText(t: (key: string) => string, trigger = 'blur'): FormItemRule {
  return { required: true, whitespace: true, message: t('validation.required'), trigger };
}

export function codeRules(t: (key: string) => string): FormItemRule[] {
  return [
    requiredText(t),
    { pattern: CODE_PATTERN, message: t('validation.code'), trigger: 'blur' },
  ];
}
