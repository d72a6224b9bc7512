import type { FormItemRule } from 'element-plus';

/** The API's rule for codes of streets, communities and grids. */
export const CODE_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;

export function codeRules(t: (key: string) => string): FormItemRule[] {
  return [
    { required: true, message: t('validation.required'), trigger: 'blur' },
    { pattern: CODE_PATTERN, message: t('validation.code'), trigger: 'blur' },
  ];
}
