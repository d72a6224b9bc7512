import { CASE_EVENT_TYPES, ERROR_CODES, PROPOSAL_EVENT_TYPES } from '@baitong/contracts';
import { Locale } from 'vant';
import { describe, expect, it, vi } from 'vitest';
import { detectLocale, i18n, setLocale } from '@/i18n';
import { eventKey } from '@/utils/cases';
import en from '@/locales/en.json';
import zhCN from '@/locales/zh-CN.json';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe('languages', () => {
  it('has every message in both Chinese and English', () => {
    expect(keys(en).sort()).toEqual(keys(zhCN).sort());
  });

  it('translates every API error code in both languages', () => {
    for (const code of ERROR_CODES) {
      expect(en.errors[code], code).toBeTruthy();
      expect(zhCN.errors[code], code).toBeTruthy();
    }
  });

  it('names every case event type on the timeline in both languages', () => {
    for (const type of CASE_EVENT_TYPES) {
      const key = eventKey({ type, fromStatus: null, toStatus: null });
      for (const locale of ['zh-CN', 'en'] as const) {
        expect(i18n.global.te(key, locale), `${type} in ${locale}`).toBe(true);
      }
    }
  });

  it('names every proposal event type in a proposal’s history in both languages', () => {
    // A transition is named by the state it moved to; every other type by its own label.
    for (const type of PROPOSAL_EVENT_TYPES.filter((t) => t !== 'transition')) {
      for (const locale of ['zh-CN', 'en'] as const) {
        expect(i18n.global.te(`council.events.${type}`, locale), `${type} in ${locale}`).toBe(true);
      }
    }
  });

  it('uses the saved choice first', () => {
    localStorage.setItem('baitong.resident.locale', 'en');
    vi.spyOn(navigator, 'language', 'get').mockReturnValue('zh-CN');
    expect(detectLocale()).toBe('en');
  });

  it.each([
    ['zh-CN', 'zh-CN'],
    ['zh-TW', 'zh-CN'],
    ['zh', 'zh-CN'],
    ['en-US', 'en'],
    ['fr-FR', 'en'],
    ['ko', 'en'],
  ])('picks a language from the browser (%s → %s) when nothing is saved', (browser, expected) => {
    localStorage.removeItem('baitong.resident.locale');
    vi.spyOn(navigator, 'language', 'get').mockReturnValue(browser);
    expect(detectLocale()).toBe(expected);
  });

  it("switches Vant's own texts along with the app", () => {
    setLocale('zh-CN');
    expect(Locale.messages().cancel).toBe('取消');
    setLocale('en');
    expect(Locale.messages().cancel).toBe('Cancel');
  });
});
