import { describe, expect, it } from 'vitest';
import { DEFAULT_WEEKLY_HOURS, intervalProblems, openState } from '../../src/org/opening-hours';

// The test run sets TZ=America/Los_Angeles: every result here must still be Chongqing time.
const desk = {
  weeklyHours: DEFAULT_WEEKLY_HOURS,
  exceptions: [] as { date: string; intervals: { opens: string; closes: string }[] }[],
};
const at = (local: string) => new Date(`${local}+08:00`);

describe('open now, in Asia/Shanghai whatever the machine zone', () => {
  it('runs on a machine in another zone', () => {
    expect(new Date('2026-11-27T08:30:00+08:00').getTimezoneOffset()).not.toBe(-480);
  });

  it.each([
    ['2026-11-27T08:29:00', false],
    ['2026-11-27T08:29:59', false],
    ['2026-11-27T08:30:00', true],
    ['2026-11-27T21:29:00', true],
    ['2026-11-27T21:29:59', true],
    ['2026-11-27T21:30:00', false],
    ['2026-11-28T00:10:00', false],
  ])('at %s local time the default desk is open: %s', (local, open) => {
    expect(openState(desk, at(local)).openNow).toBe(open);
  });

  it('says when an open desk closes and when a closed one opens next', () => {
    const open = openState(desk, at('2026-11-27T10:00:00'));
    expect(open).toMatchObject({
      openNow: true,
      closesAt: '2026-11-27T13:30:00.000Z',
      nextOpensAt: null,
      exceptionToday: false,
    });
    expect(open.today).toEqual([{ opens: '08:30', closes: '21:30' }]);
    const late = openState(desk, at('2026-11-27T21:30:00'));
    expect(late).toMatchObject({
      openNow: false,
      closesAt: null,
      nextOpensAt: '2026-11-28T00:30:00.000Z',
    });
    const early = openState(desk, at('2026-11-27T07:00:00'));
    expect(early.nextOpensAt).toBe('2026-11-27T00:30:00.000Z');
  });

  it('follows a dated exception: closed all day, then shorter hours', () => {
    const withEx = {
      ...desk,
      exceptions: [
        { date: '2026-11-27', intervals: [] },
        { date: '2026-11-28', intervals: [{ opens: '10:00', closes: '16:00' }] },
      ],
    };
    const closed = openState(withEx, at('2026-11-27T12:00:00'));
    expect(closed).toMatchObject({
      openNow: false,
      exceptionToday: true,
      today: [],
      nextOpensAt: '2026-11-28T02:00:00.000Z',
    });
    expect(openState(withEx, at('2026-11-28T09:00:00')).openNow).toBe(false);
    expect(openState(withEx, at('2026-11-28T15:59:00')).openNow).toBe(true);
    expect(openState(withEx, at('2026-11-28T16:00:00')).openNow).toBe(false);
    // The day after the exceptions the weekly hours apply again.
    expect(openState(withEx, at('2026-11-29T08:30:00')).openNow).toBe(true);
  });

  it('keeps a lunch break closed and reopens after it', () => {
    const lunch = {
      weeklyHours: DEFAULT_WEEKLY_HOURS.map((d) => ({
        ...d,
        intervals: [
          { opens: '08:30', closes: '12:00' },
          { opens: '14:00', closes: '21:30' },
        ],
      })),
      exceptions: [],
    };
    const s = openState(lunch, at('2026-11-27T12:30:00'));
    expect(s).toMatchObject({ openNow: false, nextOpensAt: '2026-11-27T06:00:00.000Z' });
    expect(openState(lunch, at('2026-11-27T11:00:00')).closesAt).toBe('2026-11-27T04:00:00.000Z');
  });

  it('treats a 24-hour point as open across midnight, closing only at its next gap', () => {
    const allDay = {
      weeklyHours: DEFAULT_WEEKLY_HOURS.map((d) => ({
        ...d,
        intervals: [{ opens: '00:00', closes: '24:00' }],
      })),
      exceptions: [{ date: '2026-11-29', intervals: [] }],
    };
    const s = openState(allDay, at('2026-11-27T23:59:00'));
    expect(s.openNow).toBe(true);
    expect(s.closesAt).toBe('2026-11-28T16:00:00.000Z');
  });

  it('gives a point open around the clock no closing time, not the end of the look-ahead', () => {
    const allDay = {
      weeklyHours: DEFAULT_WEEKLY_HOURS.map((d) => ({
        ...d,
        intervals: [{ opens: '00:00', closes: '24:00' }],
      })),
      exceptions: [],
    };
    expect(openState(allDay, at('2026-11-27T10:00:00'))).toMatchObject({
      openNow: true,
      closesAt: null,
      nextOpensAt: null,
    });
  });

  it('has no next opening when a desk is closed for the whole look-ahead', () => {
    const shut = {
      weeklyHours: DEFAULT_WEEKLY_HOURS.map((d) => ({ ...d, intervals: [] })),
      exceptions: [],
    };
    expect(openState(shut, at('2026-11-27T10:00:00'))).toMatchObject({
      openNow: false,
      nextOpensAt: null,
    });
  });

  it('uses Sunday as ISO weekday 7', () => {
    const noSunday = {
      weeklyHours: DEFAULT_WEEKLY_HOURS.map((d) => (d.weekday === 7 ? { ...d, intervals: [] } : d)),
      exceptions: [],
    };
    // 2026-11-29 is a Sunday.
    expect(openState(noSunday, at('2026-11-29T10:00:00'))).toMatchObject({
      openNow: false,
      nextOpensAt: '2026-11-30T00:30:00.000Z',
    });
    expect(openState(noSunday, at('2026-11-28T10:00:00')).openNow).toBe(true);
  });
});

describe('interval rules', () => {
  it('names the interval that is wrong', () => {
    expect(intervalProblems([{ opens: '08:30', closes: '21:30' }])).toEqual([]);
    expect(intervalProblems([{ opens: '21:30', closes: '08:30' }])).toEqual([
      {
        index: 0,
        code: 'not_after',
        params: { field: 'opens' },
        message: 'closes must be after opens',
      },
    ]);
    expect(intervalProblems([{ opens: '8:30', closes: '21:30' }])[0]).toMatchObject({
      index: 0,
      code: 'invalid_time',
    });
    expect(intervalProblems([{ opens: '24:00', closes: '24:00' }])).toHaveLength(1);
    expect(
      intervalProblems([
        { opens: '08:00', closes: '12:00' },
        { opens: '11:00', closes: '13:00' },
      ]),
    ).toEqual([
      { index: 1, code: 'overlaps', message: 'overlaps another interval of the same day' },
    ]);
    expect(
      intervalProblems([
        { opens: '08:00', closes: '12:00' },
        { opens: '12:00', closes: '13:00' },
      ]),
    ).toEqual([]);
  });
});
