/**
 * The demo's open-time arithmetic. The API tests run with TZ=America/Los_Angeles:
 * nothing here may depend on the host's zone.
 */
import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../src/demo/dates';
import {
  DeskClock,
  dayType,
  isWorkingDay,
  localDay,
  localMinuteOfDay,
  localSeconds,
  weekdayOf,
} from '../../src/demo/desk-clock';
import { interval, weeklyHours } from '../../src/demo/hours';

const at = (date: string, hhmm: string): number => {
  const [h, m] = hhmm.split(':').map(Number);
  return localSeconds(dayNumber(date), (h ?? 0) * 60 + (m ?? 0));
};
const hours = (n: number) => n * 3600;

describe('desk-clock', () => {
  it('converts between instants and Shanghai wall-clock time', () => {
    const t = at('2026-03-08', '08:30'); // a DST change day in Los Angeles
    expect(new Date(t * 1000).toISOString()).toBe('2026-03-08T00:30:00.000Z');
    expect(localDay(t)).toBe(dayNumber('2026-03-08'));
    expect(localMinuteOfDay(t)).toBe(8 * 60 + 30);
    expect(localDay(at('2026-03-08', '00:00') - 1)).toBe(dayNumber('2026-03-07'));
    expect(weekdayOf(dayNumber('1970-01-01'))).toBe(4);
    expect(weekdayOf(dayNumber('2026-11-29'))).toBe(7);
  });

  it('knows holidays and make-up working days whatever the host zone', () => {
    const type = (d: string) => dayType(dayNumber(d));
    expect(type('2026-02-16')).toBe('holiday'); // Spring Festival, a Monday
    expect(type('2026-02-14')).toBe('makeup_workday'); // a Saturday
    expect(type('2026-01-04')).toBe('makeup_workday'); // a Sunday
    expect(type('2026-10-10')).toBe('makeup_workday');
    expect(type('2026-03-07')).toBe('weekend');
    expect(type('2026-03-09')).toBe('workday');
    expect(type('2026-10-01')).toBe('holiday');
    // Beyond the calendar's years: plain weekdays and weekends.
    expect(type('2031-05-05')).toBe('workday');
    expect(type('2031-05-03')).toBe('weekend');
    expect(isWorkingDay(dayNumber('2026-02-14'))).toBe(true);
    expect(isWorkingDay(dayNumber('2026-02-16'))).toBe(false);
  });

  it('adds and measures open time on a desk’s hours', () => {
    const clock = new DeskClock({ weeklyHours: weeklyHours('lunchBreak'), exceptions: [] });
    const t = at('2026-03-09', '11:30');
    expect(clock.isOpen(t)).toBe(true);
    expect(clock.isOpen(at('2026-03-09', '12:30'))).toBe(false);
    expect(clock.isOpen(at('2026-03-09', '21:30'))).toBe(false);
    // 45 open minutes from 11:30 jump the lunch break: 14:15.
    expect(clock.addOpen(t, 45 * 60)).toBe(at('2026-03-09', '14:15'));
    expect(clock.openBetween(t, at('2026-03-09', '14:15'))).toBe(45 * 60);
    // Exactly to the close: addOpen moves to the next opening, dueAfter stops at the close.
    expect(clock.addOpen(at('2026-03-09', '21:00'), 30 * 60)).toBe(at('2026-03-10', '08:30'));
    expect(clock.dueAfter(at('2026-03-09', '21:00'), 30 * 60)).toBe(at('2026-03-09', '21:30'));
    // From a closed instant, the clock starts at the next opening.
    expect(clock.addOpen(at('2026-03-09', '22:00'), 0)).toBe(at('2026-03-10', '08:30'));
  });

  it('honours dated exceptions', () => {
    const clock = new DeskClock({
      weeklyHours: weeklyHours('default'),
      exceptions: [{ date: '2026-03-10', intervals: [] }],
    });
    expect(clock.minutesOn(dayNumber('2026-03-10'))).toEqual([]);
    expect(clock.addOpen(at('2026-03-09', '21:00'), hours(1))).toBe(at('2026-03-11', '09:00'));
  });

  it('stops the SLA clock on holidays and runs it on Monday hours on make-up days', () => {
    const desk = {
      weeklyHours: weeklyHours('closedSundays'),
      exceptions: [{ date: '2026-02-18', intervals: [interval('10:00', '12:00')] }],
    };
    const open = new DeskClock(desk);
    const sla = new DeskClock(desk, { sla: true });
    const holiday = dayNumber('2026-02-17');
    expect(open.minutesOn(holiday).length).toBe(1); // the desk is open …
    expect(sla.minutesOn(holiday)).toEqual([]); // … but the SLA clock stands still
    expect(sla.minutesOn(dayNumber('2026-02-18'))).toEqual([[600, 720]]); // the exception wins
    // Sunday 2026-01-04 is a make-up working day: Monday's hours although closed on Sundays.
    expect(open.minutesOn(dayNumber('2026-01-04'))).toEqual([]);
    expect(sla.minutesOn(dayNumber('2026-01-04'))).toEqual([[510, 1290]]);
  });

  it('finds working-day deadlines at the end of the last interval', () => {
    const sla = new DeskClock(
      { weeklyHours: weeklyHours('default'), exceptions: [] },
      { sla: true },
    );
    // Friday 2026-02-13 + 2 working days: Sat 02-14 (make-up) and Tue 02-24 (after the festival).
    expect(sla.workingDaysDeadline(at('2026-02-13', '10:00'), 2)).toBe(at('2026-02-24', '21:30'));
    expect(sla.workingDaysDeadline(at('2026-03-09', '10:00'), 1)).toBe(at('2026-03-10', '21:30'));
  });
});
