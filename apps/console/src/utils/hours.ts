import type { IsoWeekday, OpenState, OpeningInterval, WeeklyHours } from '@baitong/contracts';

export const WEEKDAYS: readonly IsoWeekday[] = [1, 2, 3, 4, 5, 6, 7];

/** The design's default: 08:30–21:30 every day. */
export const DEFAULT_INTERVAL: OpeningInterval = { opens: '08:30', closes: '21:30' };

const TIME = /^(?:([01]\d|2[0-3]):([0-5]\d)|24:00)$/;

/** Minutes since midnight of HH:mm (24:00 allowed), or null when malformed. */
export function toMinutes(value: string): number | null {
  if (!TIME.test(value)) return null;
  const [h, m] = value.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** Quarter-hour choices from 00:00 to 24:00. */
export function timeChoices(stepMinutes = 15): string[] {
  const out: string[] = [];
  for (let m = 0; m <= 24 * 60; m += stepMinutes) {
    out.push(`${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`);
  }
  return out;
}

export type IntervalIssueCode = 'format' | 'order' | 'overlap';

export interface IntervalIssue {
  /** Index of the offending interval in the list as given. */
  index: number;
  code: IntervalIssueCode;
}

/** Each interval well-formed, opening before it closes, and none overlapping another. */
export function validateIntervals(intervals: readonly OpeningInterval[]): IntervalIssue[] {
  const issues: IntervalIssue[] = [];
  const valid: { index: number; opens: number; closes: number }[] = [];
  intervals.forEach((interval, index) => {
    const opens = toMinutes(interval.opens);
    const closes = toMinutes(interval.closes);
    if (opens === null || closes === null || opens === 24 * 60) {
      issues.push({ index, code: 'format' });
    } else if (opens >= closes) {
      issues.push({ index, code: 'order' });
    } else {
      valid.push({ index, opens, closes });
    }
  });
  valid.sort((a, b) => a.opens - b.opens);
  const overlapping = new Set<number>();
  let latest = valid[0];
  for (const current of valid.slice(1)) {
    // Back-to-back intervals (12:00–13:00, 13:00–14:00) do not overlap.
    if (latest && current.opens < latest.closes) {
      overlapping.add(latest.index);
      overlapping.add(current.index);
    }
    if (!latest || current.closes > latest.closes) latest = current;
  }
  for (const index of [...overlapping].sort((a, b) => a - b))
    issues.push({ index, code: 'overlap' });
  return issues.sort((a, b) => a.index - b.index);
}

/** Issues per weekday; an empty map means the week can be saved. */
export function validateWeek(days: readonly WeeklyHours[]): Map<IsoWeekday, IntervalIssue[]> {
  const result = new Map<IsoWeekday, IntervalIssue[]>();
  for (const day of days) {
    const issues = validateIntervals(day.intervals);
    if (issues.length) result.set(day.weekday, issues);
  }
  return result;
}

/** Seven days, Monday first, with copies of the intervals (missing days are closed). */
export function normalizeWeek(days: readonly WeeklyHours[] | undefined): WeeklyHours[] {
  return WEEKDAYS.map((weekday) => {
    const found = days?.find((day) => day.weekday === weekday);
    const intervals = (found?.intervals ?? []).map((i) => ({ opens: i.opens, closes: i.closes }));
    intervals.sort((a, b) => a.opens.localeCompare(b.opens));
    return { weekday, intervals };
  });
}

export function sameIntervals(a: readonly OpeningInterval[], b: readonly OpeningInterval[]) {
  return (
    a.length === b.length && a.every((x, i) => x.opens === b[i]?.opens && x.closes === b[i]?.closes)
  );
}

export interface WeekSpan {
  from: IsoWeekday;
  to: IsoWeekday;
  intervals: OpeningInterval[];
}

/** Consecutive days with the same hours folded together, e.g. Mon–Fri 08:30–21:30. */
export function summarizeWeek(days: readonly WeeklyHours[]): WeekSpan[] {
  const spans: WeekSpan[] = [];
  for (const day of normalizeWeek(days)) {
    const last = spans[spans.length - 1];
    if (last && sameIntervals(last.intervals, day.intervals)) last.to = day.weekday;
    else spans.push({ from: day.weekday, to: day.weekday, intervals: day.intervals });
  }
  return spans;
}

export function formatIntervals(intervals: readonly OpeningInterval[]): string {
  return intervals.map((i) => `${i.opens}–${i.closes}`).join(', ');
}

const DAY_MS = 86_400_000;

/**
 * Open around the clock: open now and not closing within a day (the API gives no closing time
 * to a point that never closes within its look-ahead). Such a desk reads "open 24 hours", not a
 * closing time days away.
 */
export function isOpenAllDay(
  state: Partial<Pick<OpenState, 'openNow' | 'closesAt'>>,
  now: number = Date.now(),
): boolean {
  return !!state.openNow && (!state.closesAt || Date.parse(state.closesAt) - now >= DAY_MS);
}
