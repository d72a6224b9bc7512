import type { FollowUpAppealItem, SessionUser } from '@baitong/contracts';
import type { AppLocale } from '@/i18n';
import { intlLocale, shanghaiDateKey } from '@/utils/format';

/** The periods the overview offers; `custom` takes a first and a last day. */
export const OVERVIEW_PERIODS = ['30d', 'year', '12m', 'custom'] as const;
export type OverviewPeriod = (typeof OVERVIEW_PERIODS)[number];

export const isOverviewPeriod = (value: unknown): value is OverviewPeriod =>
  typeof value === 'string' && (OVERVIEW_PERIODS as readonly string[]).includes(value);

/** What the page asks the summary for: instants, `to` left out for "until now". */
export interface PeriodRange {
  from: string;
  to?: string;
}

const YMD = /^(\d{4})-(\d{2})-(\d{2})$/;
export const isDateKey = (value: unknown): value is string =>
  typeof value === 'string' && YMD.test(value);

/** The YYYY-MM-DD `days` days after `ymd` (before it when negative), on the calendar. */
export function addDays(ymd: string, days: number): string {
  const [y, m, d] = ymd.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Midnight at the start of a Shanghai calendar day, as the API reads it. */
const dayStart = (ymd: string) => `${ymd}T00:00:00+08:00`;

/**
 * The period in Shanghai days. The presets run until now, so today's follow-ups that are not due
 * yet never count against the community; a custom period includes its last day.
 */
export function periodRange(
  period: OverviewPeriod,
  now: Date,
  custom: { from?: string; to?: string } = {},
): PeriodRange {
  const today = shanghaiDateKey(now);
  switch (period) {
    case '30d':
      return { from: dayStart(addDays(today, -29)) };
    case 'year':
      return { from: dayStart(`${today.slice(0, 4)}-01-01`) };
    case '12m':
      // 365 days with today: the day after this date last year, leap days aside.
      return { from: dayStart(addDays(today, -364)) };
    case 'custom': {
      const from = isDateKey(custom.from) ? custom.from : addDays(today, -29);
      const to = isDateKey(custom.to) && custom.to >= from ? custom.to : today;
      return { from: dayStart(from), to: dayStart(addDays(to, 1)) };
    }
  }
}

/** A share as a percentage, one decimal at most; nothing due reads as a dash, never 0 %. */
export function formatRate(rate: number | null, locale: AppLocale): string {
  if (rate === null) return '—';
  return new Intl.NumberFormat(intlLocale(locale), {
    style: 'percent',
    maximumFractionDigits: 1,
  }).format(rate);
}

/** Only the street admin of the community's street decides its appeals (the API says the same). */
export const canDecideAppeal = (
  user: SessionUser | null | undefined,
  appeal: Pick<FollowUpAppealItem, 'status' | 'streetId'>,
) =>
  !!user &&
  appeal.status === 'pending' &&
  user.role === 'street_admin' &&
  user.scope.level === 'street' &&
  user.scope.id === appeal.streetId;
