import type {
  FieldErrorCode,
  FieldErrorParams,
  IsoWeekday,
  OpenState,
  OpeningInterval,
  WeeklyHours,
} from '@baitong/contracts';
import { TZDate } from '@date-fns/tz';

/** Desks keep Chongqing time whatever the server's zone. */
export const DESK_ZONE = 'Asia/Shanghai';

export const DEFAULT_INTERVAL: OpeningInterval = { opens: '08:30', closes: '21:30' };

export const DEFAULT_WEEKLY_HOURS: WeeklyHours[] = ([1, 2, 3, 4, 5, 6, 7] as IsoWeekday[]).map(
  (weekday) => ({
    weekday,
    intervals: [{ ...DEFAULT_INTERVAL }],
  }),
);

export interface HoursSource {
  weeklyHours: WeeklyHours[];
  exceptions: { date: string; intervals: OpeningInterval[] }[];
}

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$|^24:00$/;

export function toMinutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h! * 60 + m!;
}

/** What is wrong with one interval of a day, by its index, with a field error code. */
export interface IntervalProblem {
  index: number;
  code: Extract<FieldErrorCode, 'invalid_time' | 'not_after' | 'overlaps'>;
  params?: FieldErrorParams;
  message: string;
}

/** Problems with a day's intervals; empty when they are usable. */
export function intervalProblems(intervals: OpeningInterval[]): IntervalProblem[] {
  const out: IntervalProblem[] = [];
  intervals.forEach((iv, index) => {
    if (!HHMM.test(iv.opens) || iv.opens === '24:00')
      out.push({
        index,
        code: 'invalid_time',
        message: 'opens must be HH:mm between 00:00 and 23:59',
      });
    else if (!HHMM.test(iv.closes))
      out.push({
        index,
        code: 'invalid_time',
        message: 'closes must be HH:mm between 00:01 and 24:00',
      });
    else if (toMinutes(iv.opens) >= toMinutes(iv.closes))
      out.push({
        index,
        code: 'not_after',
        params: { field: 'opens' },
        message: 'closes must be after opens',
      });
  });
  if (out.length > 0) return out;
  const sorted = intervals
    .map((iv, i) => ({ i, o: toMinutes(iv.opens), c: toMinutes(iv.closes) }))
    .sort((a, b) => a.o - b.o);
  for (let k = 1; k < sorted.length; k++) {
    if (sorted[k]!.o < sorted[k - 1]!.c)
      out.push({
        index: sorted[k]!.i,
        code: 'overlaps',
        message: 'overlaps another interval of the same day',
      });
  }
  return out;
}

interface LocalDay {
  date: string;
  weekday: IsoWeekday;
  y: number;
  m: number;
  d: number;
}

function localDay(instant: Date, offsetDays = 0): LocalDay {
  const t = new TZDate(instant.getTime(), DESK_ZONE);
  const day = new TZDate(t.getFullYear(), t.getMonth(), t.getDate() + offsetDays, 12, 0, DESK_ZONE);
  const y = day.getFullYear();
  const m = day.getMonth() + 1;
  const d = day.getDate();
  const wd = day.getDay();
  return {
    y,
    m,
    d,
    date: `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
    weekday: (wd === 0 ? 7 : wd) as IsoWeekday,
  };
}

function instantAt(day: LocalDay, minutes: number): Date {
  return new Date(new TZDate(day.y, day.m - 1, day.d, 0, minutes, DESK_ZONE).getTime());
}

/** The intervals of one local date: a dated exception wins over the weekly hours. */
export function intervalsOn(
  src: HoursSource,
  date: string,
  weekday: IsoWeekday,
): { intervals: OpeningInterval[]; exception: boolean } {
  const ex = src.exceptions.find((e) => e.date === date);
  if (ex) return { intervals: sortIntervals(ex.intervals), exception: true };
  return {
    intervals: sortIntervals(src.weeklyHours.find((w) => w.weekday === weekday)?.intervals ?? []),
    exception: false,
  };
}

function sortIntervals(list: OpeningInterval[]): OpeningInterval[] {
  return [...list].sort((a, b) => toMinutes(a.opens) - toMinutes(b.opens));
}

const LOOKAHEAD_DAYS = 14;

/** Open now, when it closes (following back-to-back openings across midnight) and the next opening. */
export function openState(src: HoursSource, now: Date): OpenState {
  const today = localDay(now);
  const todays = intervalsOn(src, today.date, today.weekday);
  const t = now.getTime();

  const current = todays.intervals.find(
    (iv) =>
      t >= instantAt(today, toMinutes(iv.opens)).getTime() &&
      t < instantAt(today, toMinutes(iv.closes)).getTime(),
  );
  if (current) {
    let end = instantAt(today, toMinutes(current.closes));
    // A 24-hour point stays open across midnight: follow the chain of touching intervals. One
    // that never closes within the look-ahead has no closing time (not the look-ahead's end).
    let closes = false;
    for (let k = 0; k <= LOOKAHEAD_DAYS; k++) {
      const next = nextStart(src, end);
      if (!next || next.start.getTime() !== end.getTime()) {
        closes = true;
        break;
      }
      end = next.end;
    }
    return {
      openNow: true,
      closesAt: closes ? end.toISOString() : null,
      nextOpensAt: null,
      today: todays.intervals,
      exceptionToday: todays.exception,
    };
  }
  const next = nextStart(src, now);
  return {
    openNow: false,
    closesAt: null,
    nextOpensAt: next ? next.start.toISOString() : null,
    today: todays.intervals,
    exceptionToday: todays.exception,
  };
}

/** The first opening that starts at or after `from`, within the look-ahead. */
function nextStart(src: HoursSource, from: Date): { start: Date; end: Date } | null {
  for (let k = 0; k <= LOOKAHEAD_DAYS; k++) {
    const day = localDay(from, k);
    for (const iv of intervalsOn(src, day.date, day.weekday).intervals) {
      const start = instantAt(day, toMinutes(iv.opens));
      if (start.getTime() >= from.getTime())
        return { start, end: instantAt(day, toMinutes(iv.closes)) };
    }
  }
  return null;
}

/** Local date (YYYY-MM-DD) in the desks' zone. */
export function localDate(instant: Date): string {
  return localDay(instant).date;
}
