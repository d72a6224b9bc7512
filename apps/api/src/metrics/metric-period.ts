import type { MetricInterval } from '@baitong/contracts';
import { AppException } from '../common/app-exception';
import type { Window } from './metrics.repository';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A Shanghai calendar day, checked: 2026-02-30 is not a day. */
function day(field: string, value: string | undefined): string {
  if (value === undefined || value === '')
    throw AppException.invalid(field, 'is required (YYYY-MM-DD)', 'required');
  const m = DAY.exec(value);
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!d || d.toISOString().slice(0, 10) !== value)
    throw AppException.invalid(field, 'must be a calendar day YYYY-MM-DD', 'invalid_date');
  return value;
}

const addDays = (d: string, n: number) =>
  new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** A Shanghai day's first instant (China keeps no daylight saving time). */
export const shanghaiMidnight = (d: string) => new Date(`${d}T00:00:00+08:00`);

/** The instants of Shanghai days `from`..`to`, both included. */
export const windowOf = (from: string, to: string): Window => ({
  lo: shanghaiMidnight(from),
  hi: shanghaiMidnight(addDays(to, 1)),
});

/** A period of Shanghai days, both included, at most 3 years: 400 naming the bad parameter. */
export function parsePeriod(q: { from?: string; to?: string }): { from: string; to: string } {
  const from = day('from', q.from);
  const to = day('to', q.to);
  if (from > to)
    throw AppException.invalid('from', 'must not be after to', 'not_after', { field: 'to' });
  const [y, rest] = [Number(from.slice(0, 4)), from.slice(4)];
  // Three years from 2024-02-29 end on 2027-02-28: the day before the same date 3 years on.
  const limit = addDays(
    new Date(Date.UTC(y + 3, Number(rest.slice(1, 3)) - 1, Number(rest.slice(4, 6))))
      .toISOString()
      .slice(0, 10),
    -1,
  );
  if (to > limit) throw AppException.invalid('to', 'the period may span at most 3 years');
  return { from, to };
}

/** The calendar months or ISO weeks (Monday first) that meet the period, cut to it. */
export function intervalsOf(
  from: string,
  to: string,
  interval: MetricInterval,
): { from: string; to: string }[] {
  const out: { from: string; to: string }[] = [];
  let start = from;
  while (start <= to) {
    let end: string;
    if (interval === 'month') {
      const d = new Date(`${start}T00:00:00Z`);
      end = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0))
        .toISOString()
        .slice(0, 10);
    } else {
      const weekday = (new Date(`${start}T00:00:00Z`).getUTCDay() + 6) % 7;
      end = addDays(start, 6 - weekday);
    }
    if (end > to) end = to;
    out.push({ from: start, to: end });
    start = addDays(end, 1);
  }
  return out;
}

/** A roll-up bucket: a Shanghai day, calendar month or calendar year by its first day. */
export interface Bucket {
  grain: 'd' | 'm' | 'y';
  start: string;
}

const lastOfMonth = (d: string) =>
  new Date(Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)), 0)).toISOString().slice(0, 10);

/** The fewest buckets that tile the days `from`..`to` exactly: whole years, whole months, days. */
export function bucketsOf(from: string, to: string): Bucket[] {
  const out: Bucket[] = [];
  let d = from;
  while (d <= to) {
    if (d.endsWith('-01-01') && `${d.slice(0, 4)}-12-31` <= to) {
      out.push({ grain: 'y', start: d });
      d = `${Number(d.slice(0, 4)) + 1}-01-01`.padStart(10, '0');
    } else if (d.endsWith('-01') && lastOfMonth(d) <= to) {
      out.push({ grain: 'm', start: d });
      d = addDays(lastOfMonth(d), 1);
    } else {
      out.push({ grain: 'd', start: d });
      d = addDays(d, 1);
    }
  }
  return out;
}
