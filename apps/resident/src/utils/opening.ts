import type { HoursException, OpenState, OpeningInterval } from '@baitong/contracts';
import type { AppLocale } from '@/i18n';
import { daysBetween, formatLocalDate, localParts, weekdayName } from '@/utils/time';

/** A message key with its parameters; components translate it. */
export interface Phrase {
  key: string;
  params?: Record<string, string>;
}

type NextChange = Pick<OpenState, 'openNow' | 'closesAt' | 'nextOpensAt'>;

type Change = 'closes' | 'opens';

const CHANGE_KEYS: Record<Change, { today: string; tomorrow: string; on: string }> = {
  closes: { today: 'hours.closesToday', tomorrow: 'hours.closesTomorrow', on: 'hours.closesOn' },
  opens: { today: 'hours.opensToday', tomorrow: 'hours.opensTomorrow', on: 'hours.opensOn' },
};

function whenPhrase(change: Change, instant: Date, now: Date, locale: AppLocale): Phrase {
  const keys = CHANGE_KEYS[change];
  const target = localParts(instant);
  const days = daysBetween(localParts(now).date, target.date);
  // A desk that closes at midnight closes at 24:00 today, not "tomorrow 00:00".
  if (change === 'closes' && days === 1 && target.time === '00:00') {
    return { key: keys.today, params: { time: '24:00' } };
  }
  if (days <= 0) return { key: keys.today, params: { time: target.time } };
  if (days === 1) return { key: keys.tomorrow, params: { time: target.time } };
  const day =
    days < 7
      ? weekdayName(target.weekday, locale)
      : formatLocalDate(target.date, locale, { today: now });
  return { key: keys.on, params: { day, time: target.time } };
}

const DAY_MS = 86_400_000;

/**
 * Open around the clock: open now and not closing within a day (the API gives no closing time
 * to a point that never closes within its look-ahead). Such a desk reads "open 24 hours", not a
 * closing time days away.
 */
export function isOpenAllDay(state: NextChange, now: Date): boolean {
  return (
    state.openNow &&
    (state.closesAt === null || Date.parse(state.closesAt) - now.getTime() >= DAY_MS)
  );
}

/** "closes 21:30" / "opens tomorrow 08:30" / "open 24 hours" — the text after the open/closed tag. */
export function nextChangePhrase(state: NextChange, now: Date, locale: AppLocale): Phrase | null {
  if (state.openNow) {
    if (isOpenAllDay(state, now)) return { key: 'hours.openAllDay' };
    return state.closesAt ? whenPhrase('closes', new Date(state.closesAt), now, locale) : null;
  }
  if (!state.nextOpensAt) return { key: 'hours.noUpcoming' };
  return whenPhrase('opens', new Date(state.nextOpensAt), now, locale);
}

/** "08:30–12:00, 14:00–21:30" */
export function formatIntervals(intervals: OpeningInterval[], separator: string): string {
  return intervals.map((i) => `${i.opens}–${i.closes}`).join(separator);
}

/** True once the next change announced by the server has passed, so the state must be fetched again. */
export function isOutdated(state: NextChange, now: Date): boolean {
  const next = state.openNow ? state.closesAt : state.nextOpensAt;
  return next !== null && Date.parse(next) <= now.getTime();
}

/** Today's exception, if the desk has one (its note explains the change). */
export function todaysException(exceptions: HoursException[], now: Date): HoursException | null {
  const today = localParts(now).date;
  return exceptions.find((e) => e.date === today) ?? null;
}

/** Dated exceptions from today on, soonest first. */
export function upcomingExceptions(exceptions: HoursException[], now: Date): HoursException[] {
  const today = localParts(now).date;
  return exceptions.filter((e) => e.date >= today).sort((a, b) => a.date.localeCompare(b.date));
}
