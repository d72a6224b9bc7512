/**
 * Open-time arithmetic on a demo desk's opening hours, for generating case
 * timelines: "20 open minutes after this", "the open time between these", "the
 * end of the third working day". Instants are whole epoch seconds; local time is
 * Asia/Shanghai (UTC+8, no DST), so nothing here depends on the host time zone.
 *
 * Working days follow the national calendar with its make-up days (调休): the
 * holiday and make-up-day tables of `chinese-days`, and Monday to Friday
 * otherwise (also beyond the years it covers). Its `isWorkday()` is not used: it
 * derives weekends with local-time getters, which shifts them by a day in time
 * zones west of UTC.
 */
import type { IsoWeekday, OpeningInterval, WeeklyHours } from '@baitong/contracts';
import calendar from 'chinese-days/dist/chinese-days.json';
import { civilFromDays } from './dates';

export const DAY_SECONDS = 86_400;
const OFFSET_SECONDS = 8 * 3600;

/** Minutes since midnight of `HH:mm` (`24:00` → 1440). */
export function hhmmMinutes(hhmm: string): number {
  const h = Number(hhmm.slice(0, 2));
  const m = Number(hhmm.slice(3, 5));
  return h * 60 + m;
}

/** Day number (days since 1970-01-01) of the local Shanghai date containing `seconds`. */
export function localDay(seconds: number): number {
  return Math.floor((seconds + OFFSET_SECONDS) / DAY_SECONDS);
}

/** Epoch seconds of a local Shanghai wall-clock minute on a day number. */
export function localSeconds(day: number, minutesOfDay: number): number {
  return day * DAY_SECONDS + minutesOfDay * 60 - OFFSET_SECONDS;
}

/** Minutes since local midnight of `seconds` (fractional part dropped). */
export function localMinuteOfDay(seconds: number): number {
  return Math.floor((seconds + OFFSET_SECONDS - localDay(seconds) * DAY_SECONDS) / 60);
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a day number. */
export function weekdayOf(day: number): IsoWeekday {
  // 1970-01-01 was a Thursday.
  return (((((day + 3) % 7) + 7) % 7) + 1) as IsoWeekday;
}

const HOLIDAYS: ReadonlySet<string> = new Set(Object.keys(calendar.holidays));
const MAKE_UP_DAYS: ReadonlySet<string> = new Set(Object.keys(calendar.workdays));

/** As in the API's holiday calendar; beyond the years chinese-days covers, weekdays and weekends only. */
export type DayType = 'workday' | 'weekend' | 'holiday' | 'makeup_workday';
const dayTypes = new Map<number, DayType>();

/** The national calendar's type of a day number. */
export function dayType(day: number): DayType {
  let type = dayTypes.get(day);
  if (type === undefined) {
    const date = civilFromDays(day);
    const weekend = weekdayOf(day) >= 6;
    type = HOLIDAYS.has(date)
      ? 'holiday'
      : MAKE_UP_DAYS.has(date) && weekend
        ? 'makeup_workday'
        : weekend
          ? 'weekend'
          : 'workday';
    dayTypes.set(day, type);
  }
  return type;
}

/** True on a working day of the national calendar (make-up weekend days count, holidays do not). */
export function isWorkingDay(day: number): boolean {
  const type = dayType(day);
  return type === 'workday' || type === 'makeup_workday';
}

/** The opening hours of a desk: weekly pattern plus dated exceptions. */
export interface HoursLike {
  weeklyHours: readonly WeeklyHours[];
  exceptions: readonly { date: string; intervals: readonly OpeningInterval[] }[];
}

/** A day's opening intervals as sorted [opens, closes] pairs in minutes since local midnight. */
export type DayMinutes = readonly (readonly [number, number])[];

function toMinutePairs(intervals: readonly OpeningInterval[]): DayMinutes {
  return intervals
    .map((iv) => [hhmmMinutes(iv.opens), hhmmMinutes(iv.closes)] as const)
    .filter(([o, c]) => c > o)
    .sort((a, b) => a[0] - b[0]);
}

/** Due time of a working-day target on a day without counting intervals: 21:30 local. */
const FALLBACK_CLOSE_MINUTES = 21 * 60 + 30;

/**
 * The open-time clock of one desk; day schedules are computed lazily and cached.
 *
 * Two modes. The desk's clock (default) runs while the desk is open: that is when
 * residents come and staff act, holidays included (百通岗 are open every day).
 * The SLA clock (`{ sla: true }`) follows the rules of the API's SLA module
 * (src/sla/sla-clock.ts): a dated exception wins; on a statutory holiday the clock
 * stops; on a make-up working day (调休) it runs on the desk's Monday hours (or the
 * first weekday's with hours); otherwise the weekly hours.
 */
export class DeskClock {
  private readonly weekly: DayMinutes[];
  private readonly exceptions: Map<string, DayMinutes>;
  /** Hours of a regular working day, for make-up working days (SLA clock). */
  private readonly workdayHours: DayMinutes;
  private readonly sla: boolean;
  /** Per day number: open intervals as flat [start, end, start, end, …] epoch seconds. */
  private readonly days = new Map<number, readonly number[]>();

  constructor(hours: HoursLike, options: { sla?: boolean } = {}) {
    this.weekly = [1, 2, 3, 4, 5, 6, 7].map((weekday) =>
      toMinutePairs(hours.weeklyHours.find((w) => w.weekday === weekday)?.intervals ?? []),
    );
    this.exceptions = new Map(hours.exceptions.map((e) => [e.date, toMinutePairs(e.intervals)]));
    this.workdayHours = this.weekly.slice(0, 5).find((d) => d.length > 0) ?? [];
    this.sla = options.sla === true;
  }

  /** The opening intervals of a day, in minutes since local midnight (a dated exception wins). */
  minutesOn(day: number): DayMinutes {
    if (this.exceptions.size > 0) {
      const ex = this.exceptions.get(civilFromDays(day));
      if (ex) return ex;
    }
    const weekday = weekdayOf(day);
    if (this.sla) {
      const type = dayType(day);
      if (type === 'holiday') return [];
      if (type === 'makeup_workday') return this.workdayHours;
    }
    return this.weekly[weekday - 1] ?? [];
  }

  /** A day's intervals as flat epoch-second pairs. */
  private secondsOn(day: number): readonly number[] {
    let flat = this.days.get(day);
    if (!flat) {
      const out: number[] = [];
      for (const [o, c] of this.minutesOn(day))
        out.push(localSeconds(day, o), localSeconds(day, c));
      flat = out;
      this.days.set(day, flat);
    }
    return flat;
  }

  /** True when the desk is open at `t` (opening instant included, closing instant excluded). */
  isOpen(t: number): boolean {
    const flat = this.secondsOn(localDay(t));
    for (let i = 0; i < flat.length; i += 2) {
      if (t >= (flat[i] ?? 0) && t < (flat[i + 1] ?? 0)) return true;
    }
    return false;
  }

  /**
   * The instant reached after `amount` seconds of open time from `t`; the result
   * is always an open instant (strictly before a closing time). With amount 0 it
   * is `t` itself when open, else the next opening.
   */
  addOpen(t: number, amount: number): number {
    let rest = Math.max(0, Math.round(amount));
    let day = localDay(t);
    for (let guard = 0; guard < 4000; guard++, day++) {
      const flat = this.secondsOn(day);
      for (let i = 0; i < flat.length; i += 2) {
        const start = Math.max(flat[i] ?? 0, t);
        const end = flat[i + 1] ?? 0;
        if (end <= start) continue;
        if (rest < end - start) return start + rest;
        rest -= end - start;
      }
    }
    throw new RangeError('desk never opens');
  }

  /**
   * The due instant of `amount` seconds of open time from `t`: when the last
   * counted second ends, so it may be a closing instant (30 minutes left at 21:00
   * with a 21:30 close → due 21:30), as the API's SLA clock has it.
   */
  dueAfter(t: number, amount: number): number {
    let rest = Math.max(0, Math.round(amount));
    let day = localDay(t);
    for (let guard = 0; guard < 4000; guard++, day++) {
      const flat = this.secondsOn(day);
      for (let i = 0; i < flat.length; i += 2) {
        const start = Math.max(flat[i] ?? 0, t);
        const end = flat[i + 1] ?? 0;
        if (end <= start) continue;
        if (rest <= end - start) return start + rest;
        rest -= end - start;
      }
    }
    throw new RangeError('desk never opens');
  }

  /** Open seconds in [a, b). */
  openBetween(a: number, b: number): number {
    if (b <= a) return 0;
    let total = 0;
    for (let day = localDay(a); day <= localDay(b); day++) {
      const flat = this.secondsOn(day);
      for (let i = 0; i < flat.length; i += 2) {
        const start = Math.max(flat[i] ?? 0, a);
        const end = Math.min(flat[i + 1] ?? 0, b);
        if (end > start) total += end - start;
      }
    }
    return total;
  }

  /**
   * Deadline of "within `n` working days" counted from `t`: the end of the last
   * interval on the n-th working day after t's local date (21:30 when there is none).
   */
  workingDaysDeadline(t: number, n: number): number {
    let day = localDay(t);
    let left = n;
    while (left > 0) {
      day++;
      if (isWorkingDay(day)) left--;
    }
    const last = this.minutesOn(day).at(-1);
    return localSeconds(day, last ? last[1] : FALLBACK_CLOSE_MINUTES);
  }
}
