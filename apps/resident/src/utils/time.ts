import type { IsoWeekday } from '@baitong/contracts';
import type { AppLocale } from '@/i18n';

/** Every time the app shows is the desks' local time, whatever the phone's zone. */
export const TIME_ZONE = 'Asia/Shanghai';

export function intlLocale(locale: AppLocale): string {
  // en-GB: day before month and a 24-hour clock read naturally for an international audience.
  return locale === 'zh-CN' ? 'zh-CN' : 'en-GB';
}

const partsFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  weekday: 'short',
  hourCycle: 'h23',
});

const WEEKDAYS: Record<string, IsoWeekday> = {
  Mon: 1,
  Tue: 2,
  Wed: 3,
  Thu: 4,
  Fri: 5,
  Sat: 6,
  Sun: 7,
};

export interface LocalParts {
  /** YYYY-MM-DD */
  date: string;
  /** HH:mm, 24-hour */
  time: string;
  hour: number;
  weekday: IsoWeekday;
}

/** Date, time and weekday of an instant in Asia/Shanghai. */
export function localParts(instant: Date): LocalParts {
  const parts: Record<string, string> = {};
  for (const part of partsFormat.formatToParts(instant)) parts[part.type] = part.value;
  const hour = Number(parts.hour) % 24;
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    time: `${String(hour).padStart(2, '0')}:${parts.minute}`,
    hour,
    weekday: WEEKDAYS[parts.weekday ?? ''] ?? 1,
  };
}

/** Whole days from local date `from` to local date `to` (both YYYY-MM-DD). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** "Mon" / "周一" (short) or "Monday" / "星期一" (long). */
export function weekdayName(
  weekday: IsoWeekday,
  locale: AppLocale,
  width: 'short' | 'long' = 'short',
): string {
  // 2024-01-01 was a Monday.
  const day = new Date(Date.UTC(2024, 0, weekday));
  return new Intl.DateTimeFormat(intlLocale(locale), { weekday: width, timeZone: 'UTC' }).format(
    day,
  );
}

/** "12 Oct" / "10月12日" for a local date YYYY-MM-DD; the year only when it is not this year's. */
export function formatLocalDate(
  date: string,
  locale: AppLocale,
  options: { weekday?: boolean; today?: Date } = {},
): string {
  const [y, m, d] = date.split('-').map(Number);
  const day = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
  const thisYear = localParts(options.today ?? new Date()).date.slice(0, 4);
  return new Intl.DateTimeFormat(intlLocale(locale), {
    year: String(y) === thisYear ? undefined : 'numeric',
    month: 'short',
    day: 'numeric',
    weekday: options.weekday ? 'short' : undefined,
    timeZone: 'UTC',
  }).format(day);
}

/** "28 Nov 12:30" / "11月28日 12:30" for an instant, in Asia/Shanghai; the year only when needed. */
export function formatLocalDateTime(
  instant: string | Date,
  locale: AppLocale,
  today?: Date,
): string {
  const parts = localParts(typeof instant === 'string' ? new Date(instant) : instant);
  return `${formatLocalDate(parts.date, locale, { today })} ${parts.time}`;
}
