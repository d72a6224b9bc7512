/**
 * The SLA clock of service requests (cases): a pure module, no I/O, no clock of its own.
 *
 * The clock "counts only the opening hours of the handling desk, honouring the national holiday
 * calendar with its make-up working days (调休)", and pauses while a case waits for the resident.
 * Everything is in the desks' zone, Asia/Shanghai, whatever the machine's zone.
 *
 * Rules, as implemented:
 *
 * 1. SLA-counting intervals of a local date D for a desk ({@link slaIntervalsOn}):
 *    - the desk has a dated exception for D → the exception's intervals (an explicit local
 *      decision always wins, over holidays too; an empty exception = closed);
 *    - else D is a statutory holiday → none: the clock stops, even if the desk is open for
 *      walk-ins;
 *    - else D is a make-up working day (调休: a Saturday/Sunday that is a working day) → the desk's
 *      hours of a regular working day: its Monday intervals, or, if Monday is closed, those of
 *      the first weekday 2..5 that has intervals (none if the desk is closed all week);
 *    - else the desk's weekly hours for D's ISO weekday.
 *    Intervals are normalised: malformed or empty ones are ignored, overlapping or touching ones
 *    merged (no minute counts twice), sorted; `closes` may be 24:00.
 * 2. `open_hours` and minute targets count time inside those intervals only
 *    ({@link addOpenMinutes}, {@link openMinutesBetween}). The due instant is when the last
 *    counted minute ends: 30 minutes left at 21:00 with a 21:30 close is due at 21:30 that day.
 *    Time is counted to the millisecond; `openMinutesBetween` may return a fraction.
 * 3. `working_days` ({@link workingDaysDue}): a national working day is Monday–Friday that is not
 *    a holiday, plus the make-up working days (the desk's own hours and exceptions do not
 *    matter for counting). The submission's local date is day 0; the due time is the end of
 *    the desk's last SLA-counting interval on the Nth working day after it, or 21:30 local
 *    that day when the desk has no SLA-counting interval then. N = 0 means day 0 itself.
 * 4. Pauses (`waiting_resident` periods) do not count: the due time moves later by the open
 *    minutes spent paused. Pauses are clipped to the submission (and, for a resolved case with
 *    an unterminated pause, to the resolution) and merged when they overlap. A pause that
 *    begins once the clock has already run out does not move the due time: a case does not
 *    stop being overdue by waiting for the resident. While paused now (a pause without an end,
 *    case not resolved), `resolveDueAt` is null, `paused` is true and the resolve target is not
 *    overdue. Pauses apply to the resolve clock only (`waiting_resident` is reachable only after
 *    acceptance).
 * 5. The accept target counts from submission; the resolve target counts from submission too.
 *    `acceptOverdue`: not accepted and now ≥ due, or accepted after due (accepting exactly at the
 *    due instant is on time). `resolveOverdue`: not resolved, not paused and now ≥ due, or
 *    resolved after due.
 *
 * Look-ahead: no search goes more than {@link SLA_HORIZON_DAYS} local days past its starting
 * day, which guards against a desk that never opens. Past it, {@link addOpenMinutes} and
 * {@link workingDaysDue} throw {@link SlaHorizonError} and {@link computeSla} reports that due
 * date as null (and so never overdue). A desk with no weekly hours at all is open only on its
 * exception dates and never consults the calendar, so it reaches the look-ahead rather than a
 * calendar gap.
 *
 * Calendar gaps: when the holiday calendar does not know a year the clock has to cross, it throws
 * (`HolidayCalendarGapError`, see ./holiday-calendar) and so do these functions, computeSla
 * included: the clock never guesses a holiday arrangement. Callers decide how to show that.
 *
 * Speed: the clock walks interval by interval (never minute by minute) and works out each local
 * day's intervals once per call (once per batch with {@link createSlaClock}); day types are
 * cached per calendar for the life of the process. A warm process does 10,000 `computeSla`
 * calls well under a second (tens of milliseconds on an idle machine), and a per-desk
 * {@link createSlaClock} brings a queue of hundreds of rows to about a millisecond.
 *
 * Zone arithmetic: Asia/Shanghai has kept UTC+08:00 without daylight saving since 1991, so local
 * days are fixed 24-hour blocks offset by 8 hours from UTC (tested against @date-fns/tz).
 */
import type { IsoWeekday, OpeningInterval } from '@baitong/contracts';
import { DESK_ZONE, type HoursSource } from '../org/opening-hours';
import { parseLocalDate, type DayType, type HolidayCalendar } from './holiday-calendar';

export {
  chinaHolidayCalendar,
  HolidayCalendarGapError,
  type DayType,
  type HolidayCalendar,
} from './holiday-calendar';

/** The fixed-offset arithmetic below is only right for this zone: changing DESK_ZONE fails here. */
const ZONE: 'Asia/Shanghai' = DESK_ZONE;
const ZONE_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/** How far (in local days past the starting day) any search looks before giving up. */
export const SLA_HORIZON_DAYS = 400;

/** Due time of a `working_days` target on a day the desk has no SLA-counting interval. */
export const WORKING_DAY_FALLBACK_CLOSE = '21:30';
const FALLBACK_CLOSE_MIN = parseHhmm(WORKING_DAY_FALLBACK_CLOSE, false);

/** No SLA-counting time within the look-ahead: the desk (practically) never opens. */
export class SlaHorizonError extends Error {
  constructor() {
    super(`No SLA-counting time found within ${SLA_HORIZON_DAYS} days (${ZONE})`);
    this.name = 'SlaHorizonError';
  }
}

export interface SlaInput {
  submittedAt: Date;
  acceptedAt: Date | null;
  resolvedAt: Date | null;
  /** `waiting_resident` periods; `to` is null while the case is still waiting. */
  pauses: { from: Date; to: Date | null }[];
  acceptWithinMinutes: number;
  resolveWithin: { value: number; unit: 'open_hours' | 'working_days' };
}

export interface SlaResult {
  /** Null when there is no SLA-counting time within the look-ahead. */
  acceptDueAt: Date | null;
  /** Null while paused, or when there is no SLA-counting time within the look-ahead. */
  resolveDueAt: Date | null;
  acceptOverdue: boolean;
  resolveOverdue: boolean;
  paused: boolean;
}

// ---------------------------------------------------------------------------------------------
// Local days and intervals

/** Minutes after midnight of 'HH:mm' (00:00–23:59, or 24:00 when allowed); -1 when malformed. */
function parseHhmm(text: string, allow24: boolean): number {
  if (text.length !== 5 || text.charCodeAt(2) !== 58 /* : */) return -1;
  const h1 = text.charCodeAt(0) - 48;
  const h2 = text.charCodeAt(1) - 48;
  const m1 = text.charCodeAt(3) - 48;
  const m2 = text.charCodeAt(4) - 48;
  if (h1 < 0 || h1 > 9 || h2 < 0 || h2 > 9 || m1 < 0 || m1 > 5 || m2 < 0 || m2 > 9) return -1;
  const h = h1 * 10 + h2;
  const m = m1 * 10 + m2;
  if (h < 24) return h * 60 + m;
  return allow24 && h === 24 && m === 0 ? 1440 : -1;
}

/** [opens, closes) in minutes after local midnight, valid ones only, sorted and merged. */
function normalise(list: readonly OpeningInterval[]): [number, number][] {
  const out: [number, number][] = [];
  for (const iv of list) {
    const o = parseHhmm(iv.opens, false);
    const c = parseHhmm(iv.closes, true);
    if (o >= 0 && c > o) out.push([o, c]);
  }
  out.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [o, c] of out) {
    const last = merged[merged.length - 1];
    if (last && o <= last[1]) last[1] = Math.max(last[1], c);
    else merged.push([o, c]);
  }
  return merged;
}

function hhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** Days since 1970-01-01 of the local date of an instant. */
function dayIndexOf(t: number): number {
  return Math.floor((t + ZONE_OFFSET_MS) / DAY_MS);
}

function dayStart(index: number): number {
  return index * DAY_MS - ZONE_OFFSET_MS;
}

function isoWeekdayOfIndex(index: number): IsoWeekday {
  // Day 0, 1970-01-01, was a Thursday.
  return (((((index + 3) % 7) + 7) % 7) + 1) as IsoWeekday;
}

const dateCache = new Map<number, string>();
function dateOf(index: number): string {
  let date = dateCache.get(index);
  if (date === undefined) {
    if (dateCache.size > 100_000) dateCache.clear();
    date = new Date(index * DAY_MS).toISOString().slice(0, 10);
    dateCache.set(index, date);
  }
  return date;
}

/**
 * Day types by calendar and local day index, kept across calls: a calendar must answer the same
 * for the same date (the national one is read from static data).
 */
const dayTypeCache = new WeakMap<HolidayCalendar, Map<number, DayType>>();

// ---------------------------------------------------------------------------------------------
// The clock: one desk and calendar, with the day lookups of one computation cached. Nothing of a
// desk is kept across calls, so an edited desk object is always read afresh.

interface Clock {
  desk: HoursSource;
  cal: HolidayCalendar;
  types: Map<number, DayType>;
  /** Whether any weekday has hours (else only exceptions can open the desk). */
  opensWeekly: boolean;
  /** Normalised weekly hours by ISO weekday (1..7), filled on demand. */
  weekly: ([number, number][] | undefined)[];
  regular: [number, number][] | undefined;
  exceptions: Map<string, readonly OpeningInterval[]>;
  /** Local day index → flat [start, end, start, end, …] instants (ms) of its SLA intervals. */
  days: Map<number, readonly number[]>;
}

function clockFor(desk: HoursSource, cal: HolidayCalendar): Clock {
  let types = dayTypeCache.get(cal);
  if (!types) {
    types = new Map();
    dayTypeCache.set(cal, types);
  } else if (types.size > 100_000) types.clear();
  const exceptions = new Map<string, readonly OpeningInterval[]>();
  // The first exception of a date wins, as in the opening-hours module.
  for (const e of desk.exceptions) if (!exceptions.has(e.date)) exceptions.set(e.date, e.intervals);
  return {
    desk,
    cal,
    types,
    opensWeekly: desk.weeklyHours.some((w) => w.intervals.length > 0),
    weekly: [],
    regular: undefined,
    exceptions,
    days: new Map(),
  };
}

function weekly(clock: Clock, weekday: IsoWeekday): [number, number][] {
  let list = clock.weekly[weekday];
  if (list === undefined) {
    list = normalise(clock.desk.weeklyHours.find((w) => w.weekday === weekday)?.intervals ?? []);
    clock.weekly[weekday] = list;
  }
  return list;
}

/** Hours of a regular working day: Monday's, else the first weekday 2..5 that has any. */
function regularWorkday(clock: Clock): [number, number][] {
  if (clock.regular === undefined) {
    clock.regular = [];
    for (const wd of [1, 2, 3, 4, 5] as const) {
      const intervals = weekly(clock, wd);
      if (intervals.length > 0) {
        clock.regular = intervals;
        break;
      }
    }
  }
  return clock.regular;
}

function dayTypeOf(clock: Clock, index: number): DayType {
  let type = clock.types.get(index);
  if (type === undefined) {
    type = clock.cal.dayType(dateOf(index));
    clock.types.set(index, type);
  }
  return type;
}

/** Rule 1, in minutes after local midnight. */
function minutesOn(clock: Clock, index: number): [number, number][] {
  if (clock.exceptions.size > 0) {
    const exception = clock.exceptions.get(dateOf(index));
    if (exception) return normalise(exception);
  }
  // No weekly hours at all: nothing but exceptions can open the desk, whatever the calendar says
  // (so a desk that never opens reaches the look-ahead instead of an unknown calendar year).
  if (!clock.opensWeekly) return [];
  const type = dayTypeOf(clock, index);
  switch (type) {
    case 'holiday':
      return [];
    case 'makeup_workday':
      return regularWorkday(clock);
    case 'workday':
    case 'weekend':
      return weekly(clock, isoWeekdayOfIndex(index));
  }
}

/** The SLA-counting intervals of a local date (rule 1), normalised, in local HH:mm. */
export function slaIntervalsOn(
  desk: HoursSource,
  date: string,
  cal: HolidayCalendar,
): OpeningInterval[] {
  const { y, m, d } = parseLocalDate(date);
  return minutesOn(clockFor(desk, cal), Date.UTC(y, m - 1, d) / DAY_MS).map(([o, c]) => ({
    opens: hhmm(o),
    closes: hhmm(c),
  }));
}

function segments(clock: Clock, index: number): readonly number[] {
  let seg = clock.days.get(index);
  if (seg === undefined) {
    const base = dayStart(index);
    const minutes = minutesOn(clock, index);
    const flat: number[] = [];
    for (const [o, c] of minutes) flat.push(base + o * MINUTE_MS, base + c * MINUTE_MS);
    seg = flat;
    if (clock.days.size > 5000) clock.days.clear();
    clock.days.set(index, seg);
  }
  return seg;
}

/** The instant `ms` of SLA-counting time after `from`; null past the look-ahead. */
function addMs(clock: Clock, from: number, ms: number): number | null {
  if (ms <= 0) return from;
  let remaining = ms;
  const first = dayIndexOf(from);
  for (let index = first; index <= first + SLA_HORIZON_DAYS; index++) {
    const seg = segments(clock, index);
    for (let i = 0; i < seg.length; i += 2) {
      const end = seg[i + 1]!;
      if (end <= from) continue;
      const start = Math.max(seg[i]!, from);
      const available = end - start;
      if (remaining <= available) return start + remaining;
      remaining -= available;
    }
  }
  return null;
}

/** SLA-counting time (ms) in [from, to); 0 when to ≤ from. */
function betweenMs(clock: Clock, from: number, to: number): number {
  if (to <= from) return 0;
  let total = 0;
  const last = dayIndexOf(to);
  for (let index = dayIndexOf(from); index <= last; index++) {
    const seg = segments(clock, index);
    for (let i = 0; i < seg.length; i += 2) {
      const start = Math.max(seg[i]!, from);
      const end = Math.min(seg[i + 1]!, to);
      if (end > start) total += end - start;
    }
  }
  return total;
}

/** Rule 3; null past the look-ahead. */
function workingDaysDueMs(clock: Clock, from: number, days: number): number | null {
  if (!Number.isInteger(days) || days < 0)
    throw new RangeError(`working days must be a whole number ≥ 0, got ${days}`);
  const first = dayIndexOf(from);
  let index = first;
  for (let counted = 0; counted < days;) {
    index++;
    if (index - first > SLA_HORIZON_DAYS) return null;
    const type = dayTypeOf(clock, index);
    if (type === 'workday' || type === 'makeup_workday') counted++;
  }
  const seg = segments(clock, index);
  return seg.length > 0 ? seg[seg.length - 1]! : dayStart(index) + FALLBACK_CLOSE_MIN * MINUTE_MS;
}

function instant(d: Date, what: string): number {
  const t = d.getTime();
  if (!Number.isFinite(t)) throw new RangeError(`${what} is not a valid date`);
  return t;
}

function minutesMs(minutes: number, what: string): number {
  if (!Number.isFinite(minutes) || minutes < 0)
    throw new RangeError(`${what} must be a finite number ≥ 0, got ${minutes}`);
  return Math.round(minutes * MINUTE_MS);
}

// ---------------------------------------------------------------------------------------------
// Public API

/** Pauses as sorted, merged [from, to) spans, clipped to the submission. */
function pauseSpans(pauses: SlaInput['pauses'], submitted: number, resolved: number | null) {
  const spans: [number, number][] = [];
  for (const p of pauses) {
    const from = Math.max(instant(p.from, 'pause start'), submitted);
    const to = p.to ? instant(p.to, 'pause end') : resolved;
    if (to !== null && to > from) spans.push([from, to]);
  }
  spans.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [from, to] of spans) {
    const last = merged[merged.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  return merged;
}

function computeWith(clock: Clock, input: SlaInput, now: Date): SlaResult {
  const submitted = instant(input.submittedAt, 'submittedAt');
  const accepted = input.acceptedAt ? instant(input.acceptedAt, 'acceptedAt') : null;
  const resolved = input.resolvedAt ? instant(input.resolvedAt, 'resolvedAt') : null;
  const nowMs = instant(now, 'now');

  const acceptDue = addMs(clock, submitted, minutesMs(input.acceptWithinMinutes, 'accept target'));

  const paused = resolved === null && input.pauses.some((p) => p.to === null);
  let resolveDue: number | null = null;
  if (!paused) {
    const { value, unit } = input.resolveWithin;
    let due =
      unit === 'open_hours'
        ? addMs(clock, submitted, minutesMs(value * 60, 'resolve target'))
        : workingDaysDueMs(clock, submitted, value);
    for (const [from, to] of pauseSpans(input.pauses, submitted, resolved)) {
      if (due === null || from >= due) break;
      due = addMs(clock, due, betweenMs(clock, from, to));
    }
    resolveDue = due;
  }

  return {
    acceptDueAt: acceptDue === null ? null : new Date(acceptDue),
    resolveDueAt: resolveDue === null ? null : new Date(resolveDue),
    acceptOverdue:
      acceptDue !== null && (accepted !== null ? accepted > acceptDue : nowMs >= acceptDue),
    resolveOverdue:
      resolveDue !== null &&
      (resolved !== null ? resolved > resolveDue : !paused && nowMs >= resolveDue),
    paused,
  };
}

function addWith(clock: Clock, from: Date, minutes: number): Date {
  const due = addMs(clock, instant(from, 'from'), minutesMs(minutes, 'minutes'));
  if (due === null) throw new SlaHorizonError();
  return new Date(due);
}

function betweenWith(clock: Clock, from: Date, to: Date): number {
  return betweenMs(clock, instant(from, 'from'), instant(to, 'to')) / MINUTE_MS;
}

function workingDaysWith(clock: Clock, from: Date, days: number): Date {
  const due = workingDaysDueMs(clock, instant(from, 'from'), days);
  if (due === null) throw new SlaHorizonError();
  return new Date(due);
}

/**
 * The instant at which `minutes` SLA-counting minutes have elapsed from `from` (rule 2).
 * 0 minutes → `from` itself. Throws {@link SlaHorizonError} past the look-ahead.
 */
export function addOpenMinutes(
  from: Date,
  minutes: number,
  desk: HoursSource,
  cal: HolidayCalendar,
): Date {
  return addWith(clockFor(desk, cal), from, minutes);
}

/** SLA-counting minutes in [from, to) (rule 2); 0 when `to` is not after `from`. */
export function openMinutesBetween(
  from: Date,
  to: Date,
  desk: HoursSource,
  cal: HolidayCalendar,
): number {
  return betweenWith(clockFor(desk, cal), from, to);
}

/**
 * Due time of a `working_days` target submitted at `from` (rule 3). Throws a RangeError unless
 * `days` is a whole number ≥ 0, {@link SlaHorizonError} past the look-ahead.
 */
export function workingDaysDue(
  from: Date,
  days: number,
  desk: HoursSource,
  cal: HolidayCalendar,
): Date {
  return workingDaysWith(clockFor(desk, cal), from, days);
}

/** Due dates and overdue flags of one case (rules 1–5), as of `now`. */
export function computeSla(
  input: SlaInput,
  desk: HoursSource,
  cal: HolidayCalendar,
  now: Date,
): SlaResult {
  return computeWith(clockFor(desk, cal), input, now);
}

/** The same functions for one desk, sharing their day lookups across calls. */
export interface SlaClock {
  computeSla(input: SlaInput, now: Date): SlaResult;
  addOpenMinutes(from: Date, minutes: number): Date;
  openMinutesBetween(from: Date, to: Date): number;
  workingDaysDue(from: Date, days: number): Date;
}

/**
 * One desk's clock for a batch (a desk queue: build one per desk per request). It reads the
 * desk's hours as they are now; do not keep it across edits of the desk.
 */
export function createSlaClock(desk: HoursSource, cal: HolidayCalendar): SlaClock {
  const clock = clockFor(desk, cal);
  return {
    computeSla: (input, now) => computeWith(clock, input, now),
    addOpenMinutes: (from, minutes) => addWith(clock, from, minutes),
    openMinutesBetween: (from, to) => betweenWith(clock, from, to),
    workingDaysDue: (from, days) => workingDaysWith(clock, from, days),
  };
}
