import { describe, expect, it } from 'vitest';
import {
  fieldErrorText,
  fieldErrorTexts,
  isMainlandMobile,
  maskPhone,
  newIdempotencyKey,
  normalizePhone,
  type Translator,
} from '../src/index.js';

const texts: Record<string, string> = {
  'fieldErrors.invalid': 'not valid',
  'fieldErrors.too_long': 'at most {max}',
  'fieldErrors.not_one_of': 'one of {allowed}',
  'fieldErrors.not_after': 'after {field}',
  'fieldErrors.names.opens': 'the opening time',
};

// Just enough of vue-i18n: look the key up, fill `{name}` placeholders.
const i18n: Translator = {
  te: (key) => key in texts,
  t: (key, params = {}) =>
    (texts[key] ?? key).replace(/\{(\w+)\}/g, (_, name: string) => String(params[name])),
};

describe('field errors', () => {
  it('translates the code with its parameters, never the server sentence', () => {
    expect(fieldErrorText(i18n, { code: 'too_long', params: { max: 64 } })).toBe('at most 64');
    expect(fieldErrorText(i18n, { code: 'not_one_of', params: { allowed: ['a', 'b'] } })).toBe(
      'one of a, b',
    );
    expect(fieldErrorText(i18n, { code: 'not_after', params: { field: 'opens' } })).toBe(
      'after the opening time',
    );
    expect(fieldErrorText(i18n, { code: 'not_after', params: { field: 'closes' } })).toBe(
      'after closes',
    );
  });

  it('reads an unknown code as invalid, and joins two errors on one field', () => {
    expect(fieldErrorText(i18n, { code: 'shinier' as 'invalid' })).toBe('not valid');
    expect(
      fieldErrorTexts(i18n, [
        { field: 'name', code: 'too_long', params: { max: 64 } },
        { field: 'name', code: 'invalid' },
        { field: 'code', code: 'invalid' },
      ]),
    ).toEqual({ name: 'at most 64; not valid', code: 'not valid' });
  });
});

describe('phones', () => {
  it('masks a mainland mobile as the API does, and keeps the last four digits of others', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('02312345678')).toBe('*******5678');
    expect(maskPhone('110')).toBe('****');
  });

  it('reads a mobile number typed with a country code, spaces or dashes', () => {
    expect(normalizePhone('+86 138-1234-5678')).toBe('13812345678');
    expect(normalizePhone('0086 13812345678')).toBe('13812345678');
    expect(isMainlandMobile('13812345678')).toBe(true);
    expect(isMainlandMobile('12812345678')).toBe(false);
  });
});

describe('idempotency keys', () => {
  it('are version 4 UUIDs, a new one every time, also without crypto.randomUUID', () => {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    const keys = new Set([newIdempotencyKey(), newIdempotencyKey()]);
    expect(keys.size).toBe(2);
    for (const key of keys) expect(key).toMatch(uuid);

    const randomUUID = crypto.randomUUID;
    Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true });
    try {
      expect(newIdempotencyKey()).toMatch(uuid);
    } finally {
      Object.defineProperty(crypto, 'randomUUID', { value: randomUUID, configurable: true });
    }
  });
});
