import { FIELD_ERROR_CODES, type FieldErrorParams } from '@baitong/contracts';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiRequestError } from '@/api/api-error';
import { fieldMessage } from '@/api/field-errors';
import { i18n } from '@/i18n';
import en from '@/locales/en.json';
import zhCN from '@/locales/zh-CN.json';

const PARAMS: Partial<Record<(typeof FIELD_ERROR_CODES)[number], FieldErrorParams>> = {
  too_short: { min: 5 },
  too_long: { max: 2000 },
  too_small: { min: 0 },
  too_large: { max: 200 },
  not_one_of: { allowed: ['affair', 'dispute'] },
  too_many: { max: 9 },
  too_few: { min: 1 },
  invalid_code: { max: 32 },
  digits: { length: 6 },
  paired: { with: 'lat' },
  not_after: { field: 'opens' },
  file_too_large: { maxMb: 8 },
  too_many_pixels: { maxMegapixels: 50 },
  photo_quota: { max: 20 },
  photo_daily_limit: { maxMb: 100 },
};

/** The message beside field `f` of an answer carrying one field error. */
function shown(locale: 'zh-CN' | 'en', code: string, params?: FieldErrorParams): string {
  i18n.global.locale.value = locale;
  const err = new ApiRequestError({
    statusCode: 400,
    code: 'VALIDATION_FAILED',
    message: 'Invalid fields: f',
    fields: [{ field: 'f', code: code as 'invalid', ...(params ? { params } : {}), message: 'x' }],
  });
  return fieldMessage(err, 'f') ?? '';
}

afterEach(() => {
  i18n.global.locale.value = 'en';
});

describe('field error codes in both languages', () => {
  it('has a zh-CN and an English text for every code', () => {
    for (const code of FIELD_ERROR_CODES) {
      expect(typeof (zhCN.fieldErrors as Record<string, unknown>)[code], code).toBe('string');
      expect(typeof (en.fieldErrors as Record<string, unknown>)[code], code).toBe('string');
    }
  });

  it.each(FIELD_ERROR_CODES.map((code) => [code]))('fills in the parameters of %s', (code) => {
    const params = PARAMS[code];
    for (const locale of ['zh-CN', 'en'] as const) {
      const text = shown(locale, code, params);
      expect(text).not.toMatch(/[{}]|fieldErrors\./);
      for (const [name, value] of Object.entries(params ?? {})) {
        if (name === 'field' || name === 'with') continue;
        expect(text).toContain(Array.isArray(value) ? value.join(', ') : String(value));
      }
    }
  });

  it('shows the code translated, never the server’s English sentence', () => {
    expect(shown('zh-CN', 'required')).toBe('此项为必填项');
    expect(shown('en', 'required')).toBe('This field is required');
    expect(shown('zh-CN', 'too_short', { min: 5 })).toBe('至少 5 个字');
    expect(shown('en', 'digits', { length: 6 })).toBe('Enter 6 digits');
    expect(shown('en', 'something_new')).toBe('This value is not valid');
  });
});
