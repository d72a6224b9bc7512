import { FIELD_ERROR_CODES, type FieldError, type FieldErrorParams } from '@baitong/contracts';
import { enableAutoUnmount, flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiRequestError } from '@/api/api-error';
import { fieldErrorText } from '@/api/field-errors';
import { fieldErrorTexts } from '@/composables/useFieldErrors';
import { i18n } from '@/i18n';
import en from '@/locales/en.json';
import zhCN from '@/locales/zh-CN.json';
import Intake from '@/views/cases/Intake.vue';
import { makeCategory, makeDesk } from './case-fixtures';
import { jsonResponse, makeUser, mountInApp, storeSession, stubFetch } from './helpers';

enableAutoUnmount(afterEach);

/** A parameter value for every code that takes one, so each text shows it. */
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

const translator = {
  t: (key: string, params?: Record<string, string | number>) => i18n.global.t(key, params ?? {}),
  te: (key: string) => i18n.global.te(key),
};

function textIn(locale: 'zh-CN' | 'en', error: Pick<FieldError, 'code' | 'params'>): string {
  i18n.global.locale.value = locale;
  return fieldErrorText(translator, error);
}

afterEach(() => {
  i18n.global.locale.value = 'zh-CN';
});

describe('field error codes in both languages', () => {
  it('has a zh-CN and an English text for every code', () => {
    const zh = zhCN.fieldErrors as Record<string, unknown>;
    const english = en.fieldErrors as Record<string, unknown>;
    for (const code of FIELD_ERROR_CODES) {
      expect(typeof zh[code], `zh-CN fieldErrors.${code}`).toBe('string');
      expect(typeof english[code], `en fieldErrors.${code}`).toBe('string');
    }
  });

  it.each(FIELD_ERROR_CODES.map((code) => [code]))('fills in the parameters of %s', (code) => {
    const params = PARAMS[code];
    for (const locale of ['zh-CN', 'en'] as const) {
      const text = textIn(locale, { code, ...(params ? { params } : {}) });
      expect(text).not.toMatch(/[{}]|fieldErrors\./);
      for (const [name, value] of Object.entries(params ?? {})) {
        if (name === 'field' || name === 'with') continue;
        const shown = Array.isArray(value) ? value.join(', ') : String(value);
        expect(text, `${locale} ${code}`).toContain(shown);
      }
    }
  });

  it('says the same thing in each language, with the parameters', () => {
    expect(textIn('zh-CN', { code: 'too_short', params: { min: 5 } })).toBe('至少 5 个字');
    expect(textIn('en', { code: 'too_short', params: { min: 5 } })).toBe('At least 5 characters');
    expect(textIn('zh-CN', { code: 'required' })).toBe('此项为必填项');
    expect(textIn('en', { code: 'required' })).toBe('This field is required');
    expect(textIn('zh-CN', { code: 'file_too_large', params: { maxMb: 8 } })).toBe(
      '照片不能超过 8 MB',
    );
    expect(textIn('en', { code: 'not_one_of', params: { allowed: ['a', 'b'] } })).toBe(
      'Choose one of: a, b',
    );
  });

  it('names another field in the user’s language', () => {
    expect(textIn('zh-CN', { code: 'not_after', params: { field: 'opens' } })).toBe(
      '须晚于开始时间',
    );
    expect(textIn('en', { code: 'paired', params: { with: 'lat' } })).toBe(
      'Fill in together with the latitude',
    );
  });

  it('reads an unknown code as invalid, never the server’s sentence', () => {
    const err = new ApiRequestError({
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      message: 'Invalid fields: name',
      fields: [
        { field: 'name', code: 'from_the_future' as 'invalid', message: 'must be shinier' },
        { field: 'nameEn', code: 'too_long', params: { max: 128 }, message: 'must be shorter' },
      ],
    });
    expect(fieldErrorTexts(err)).toEqual({ name: '填写的内容无效', nameEn: '最多 128 个字' });
    i18n.global.locale.value = 'en';
    expect(fieldErrorTexts(err)).toEqual({
      name: 'This value is not valid',
      nameEn: 'At most 128 characters',
    });
  });
});

describe('photo upload refusals at intake', () => {
  it('says why a photo was refused, beside the photos', async () => {
    storeSession(makeUser('desk_staff', 'community', 'c1'), 'c1');
    stubFetch({
      'GET /api/categories': () => jsonResponse(200, [makeCategory()]),
      'GET /api/communities/c1/desks': () => jsonResponse(200, [makeDesk('d1')]),
      'GET /api/communities/c1/compounds': () => jsonResponse(200, []),
      'POST /api/photos': () =>
        jsonResponse(413, {
          statusCode: 413,
          code: 'PAYLOAD_TOO_LARGE',
          message: 'A photo may be at most 8 MB',
          fields: [
            {
              field: 'file',
              code: 'file_too_large',
              params: { maxMb: 8 },
              message: 'at most 8 MB',
            },
          ],
        }),
    });
    const { wrapper } = await mountInApp(Intake, { path: '/cases/new', stubViews: true });
    await flushPromises();
    const input = wrapper.get('[data-testid="intake-file"]');
    const photo = new File([new Uint8Array(10)], 'big.jpg', { type: 'image/jpeg' });
    Object.defineProperty(input.element, 'files', { value: [photo], configurable: true });
    await input.trigger('change');
    await vi.waitFor(() =>
      expect(wrapper.find('[data-testid="intake-photo-problems"]').exists()).toBe(true),
    );
    expect(wrapper.get('[data-testid="intake-photo-problems"]').text()).toBe(
      'big.jpg：照片不能超过 8 MB',
    );
    expect(wrapper.get('[data-testid="intake-photo"]').attributes('data-status')).toBe('error');
  });
});
