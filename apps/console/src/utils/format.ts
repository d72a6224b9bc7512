import type { AppLocale } from '@/i18n';

// Every instant is shown in the district's zone, whatever the browser's zone is.
export const TIME_ZONE = 'Asia/Shanghai';

/**
 * The formatting locale of an app language. English is British English: the day before the month
 * and a 24-hour clock ("3 Dec 2026, 14:05"), never the American 12/3/2026.
 */
export function intlLocale(locale: AppLocale): string {
  return locale === 'en' ? 'en-GB' : locale;
}

const cache = new Map<string, Intl.DateTimeFormat>();

function dateTimeFormat(locale: AppLocale | 'en-US', options: Intl.DateTimeFormatOptions) {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale === 'en-US' ? locale : intlLocale(locale), options);
    cache.set(key, format);
  }
  return format;
}

function toDate(value: string | Date): Date | null {
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** An instant as date and time: 2025/03/01 14:05, or in English 1 Mar 2025, 14:05. */
export function formatDateTime(value: string | Date, locale: AppLocale): string {
  const date = toDate(value);
  if (!date) return '';
  return dateTimeFormat(locale, {
    timeZone: TIME_ZONE,
    year: 'numeric',
    // A month name in English: 03/01 reads as 1 March to some and 3 January to others.
    ...(locale === 'en'
      ? { month: 'short', day: 'numeric' }
      : { month: '2-digit', day: '2-digit' }),
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(date);
}

/** The date part of an instant, in Shanghai. */
export function formatInstantDate(value: string | Date, locale: AppLocale): string {
  const date = toDate(value);
  if (!date) return '';
  return dateTimeFormat(locale, { timeZone: TIME_ZONE, dateStyle: 'medium' }).format(date);
}

/** HH:mm of an instant in Shanghai. */
export function formatClock(value: string | Date, locale: AppLocale): string {
  const date = toDate(value);
  if (!date) return '';
  return dateTimeFormat(locale, {
    timeZone: TIME_ZONE,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(date);
}

/** Short weekday of an instant in Shanghai, e.g. 周二 / Tue. */
export function formatWeekday(value: string | Date, locale: AppLocale): string {
  const date = toDate(value);
  if (!date) return '';
  return dateTimeFormat(locale, { timeZone: TIME_ZONE, weekday: 'short' }).format(date);
}

// A local calendar date (YYYY-MM-DD) has no zone: format it at UTC midnight so it never shifts.
function localDateToUtc(ymd: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd);
  if (!match) return null;
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
}

/** A calendar date such as a first election date, e.g. 2024年3月1日 / 1 Mar 2024. */
export function formatLocalDate(ymd: string, locale: AppLocale, withWeekday = false): string {
  const date = localDateToUtc(ymd);
  if (!date) return ymd;
  return dateTimeFormat(locale, {
    timeZone: 'UTC',
    dateStyle: withWeekday ? 'full' : 'medium',
  }).format(date);
}

/** YYYY-MM-DD of an instant in Shanghai. */
export function shanghaiDateKey(value: string | Date = new Date()): string {
  const date = toDate(value) ?? new Date();
  const parts = dateTimeFormat('en-US', {
    timeZone: TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** Days between two YYYY-MM-DD dates (b − a). */
export function daysBetween(a: string, b: string): number {
  const da = localDateToUtc(a);
  const db = localDateToUtc(b);
  if (!da || !db) return Number.NaN;
  return Math.round((db.getTime() - da.getTime()) / 86_400_000);
}

export function formatNumber(value: number, locale: AppLocale): string {
  return new Intl.NumberFormat(intlLocale(locale)).format(value);
}
