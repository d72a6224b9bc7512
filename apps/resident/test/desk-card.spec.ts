import type { PublicDesk } from '@baitong/contracts';
import { describe, expect, it } from 'vitest';
import DeskCard from '@/components/DeskCard.vue';
import { setLocale, type AppLocale } from '@/i18n';
import { makeDesk, mountWithApp } from './helpers';

// Monday 10 March 2025. Shanghai is UTC+8, so 12:00Z is 20:00 there.
const MON_2000 = new Date('2025-03-10T12:00:00Z');
const MON_2200 = new Date('2025-03-10T14:00:00Z');
// 17:00Z on Monday is already 01:00 on Tuesday in Shanghai.
const TUE_0100 = new Date('2025-03-10T17:00:00Z');

async function renderCard(locale: AppLocale, desk: PublicDesk, now: Date) {
  setLocale(locale);
  const { wrapper } = await mountWithApp(DeskCard, { props: { desk, now } });
  return wrapper;
}

describe('DeskCard', () => {
  it.each([
    ['en', 'Open now', 'Open now · closes 21:30'],
    ['zh-CN', '营业中', '营业中 · 21:30 关门'],
  ] as const)('shows an open desk and its closing time in %s', async (locale, status, line) => {
    const desk = makeDesk({ openNow: true, closesAt: '2025-03-10T13:30:00Z' });
    const card = await renderCard(locale, desk, MON_2000);

    const root = card.get('[data-testid="desk-card"]');
    expect(root.attributes('data-open')).toBe('true');
    expect(root.attributes('data-desk-id')).toBe('d-1');
    expect(root.attributes('href')).toBe('/desks/d-1');
    expect(card.get('[data-testid="desk-status"]').text()).toBe(status);
    expect(card.get('.desk-status').text()).toBe(line);
  });

  it.each([
    ['en', 'Closed', 'Closed · opens tomorrow 08:30'],
    ['zh-CN', '已关闭', '已关闭 · 明天 08:30 开门'],
  ] as const)('shows a closed desk opening tomorrow in %s', async (locale, status, line) => {
    const desk = makeDesk({ openNow: false, nextOpensAt: '2025-03-11T00:30:00Z' });
    const card = await renderCard(locale, desk, MON_2200);

    expect(card.get('[data-testid="desk-card"]').attributes('data-open')).toBe('false');
    expect(card.get('[data-testid="desk-status"]').text()).toBe(status);
    expect(card.get('.desk-status').text()).toBe(line);
  });

  it.each([
    ['en', 'Closed · opens today 08:30'],
    ['zh-CN', '已关闭 · 今天 08:30 开门'],
  ] as const)(
    'counts "today" by the Shanghai date, not the UTC date (%s)',
    async (locale, line) => {
      const desk = makeDesk({ openNow: false, nextOpensAt: '2025-03-11T00:30:00Z' });
      const card = await renderCard(locale, desk, TUE_0100);
      expect(card.get('.desk-status').text()).toBe(line);
    },
  );

  it.each([
    ['en', '2025-03-13T00:30:00Z', 'Closed · opens Thu 08:30'],
    ['zh-CN', '2025-03-13T00:30:00Z', '已关闭 · 周四 08:30 开门'],
    ['en', '2025-03-20T00:30:00Z', 'Closed · opens 20 Mar 08:30'],
    ['zh-CN', '2025-03-20T00:30:00Z', '已关闭 · 3月20日 08:30 开门'],
  ] as const)('names the day of a later opening (%s, %s)', async (locale, nextOpensAt, line) => {
    const desk = makeDesk({ openNow: false, nextOpensAt });
    const card = await renderCard(locale, desk, MON_2200);
    expect(card.get('.desk-status').text()).toBe(line);
  });

  it.each([
    ['en', 'Closed · no opening in the next 14 days'],
    ['zh-CN', '已关闭 · 近 14 天暂无开放安排'],
  ] as const)('says when no opening is scheduled (%s)', async (locale, line) => {
    const desk = makeDesk({ openNow: false, nextOpensAt: null, today: [] });
    const card = await renderCard(locale, desk, MON_2200);
    expect(card.get('.desk-status').text()).toBe(line);
  });

  it('adds the year to an opening in the next year', async () => {
    const desk = makeDesk({ openNow: false, nextOpensAt: '2026-01-05T00:30:00Z' });
    const card = await renderCard('en', desk, new Date('2025-12-26T04:00:00Z'));
    expect(card.get('.desk-status').text()).toBe('Closed · opens 5 Jan 2026 08:30');
  });

  it('shows a desk that closes at midnight as closing at 24:00 today', async () => {
    const desk = makeDesk({ openNow: true, closesAt: '2025-03-10T16:00:00Z' });
    const card = await renderCard('en', desk, MON_2000);
    expect(card.get('.desk-status').text()).toBe('Open now · closes 24:00');
  });

  it.each([
    ['en', 'Today 08:30–12:00, 14:00–17:30', 'Special hours today: 社区活动，晚间暂停服务'],
    ['zh-CN', '今日 08:30–12:00、14:00–17:30', '今日特殊安排：社区活动，晚间暂停服务'],
  ] as const)("shows today's hours and the exception note (%s)", async (locale, hours, note) => {
    const desk = makeDesk({
      openNow: true,
      closesAt: '2025-03-10T09:30:00Z',
      today: [
        { opens: '08:30', closes: '12:00' },
        { opens: '14:00', closes: '17:30' },
      ],
      exceptionToday: true,
      exceptions: [
        { id: 'x-0', date: '2025-03-09', intervals: [], note: '昨天的安排' },
        {
          id: 'x-1',
          date: '2025-03-10',
          intervals: [
            { opens: '08:30', closes: '12:00' },
            { opens: '14:00', closes: '17:30' },
          ],
          note: '社区活动，晚间暂停服务',
        },
      ],
    });
    const card = await renderCard(locale, desk, new Date('2025-03-10T03:00:00Z'));
    expect(card.get('[data-testid="desk-today"]').text()).toBe(hours);
    expect(card.get('[data-testid="desk-exception"]').text()).toBe(note);
  });

  it('has no exception note on an ordinary day', async () => {
    const card = await renderCard('en', makeDesk({ closesAt: '2025-03-10T13:30:00Z' }), MON_2000);
    expect(card.find('[data-testid="desk-exception"]').exists()).toBe(false);
    expect(card.get('[data-testid="desk-today"]').text()).toBe('Today 08:30–21:30');
  });

  it.each([
    ['en', 843, '840 m'],
    ['en', 1234, '1.2 km'],
    ['en', 15_400, '15 km'],
    ['zh-CN', 843, '840 米'],
    ['zh-CN', 1234, '1.2 公里'],
  ] as const)('shows the distance (%s, %d m)', async (locale, distanceMeters, text) => {
    const card = await renderCard(locale, makeDesk({ distanceMeters }), MON_2000);
    expect(card.get('[data-testid="desk-distance"]').text()).toBe(text);
  });

  it('shows no distance when none was asked for, and the English name in English', async () => {
    const card = await renderCard('en', makeDesk({ distanceMeters: null }), MON_2000);
    expect(card.find('[data-testid="desk-distance"]').exists()).toBe(false);
    expect(card.get('.desk-card__name').text()).toBe('Hemu Road Service Desk');
  });
});
