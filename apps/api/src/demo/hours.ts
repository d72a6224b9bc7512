/** Opening-hours presets for the demo desks (local time, Asia/Shanghai). */
import type { IsoWeekday, OpeningInterval, WeeklyHours } from '@baitong/contracts';

export const WEEKDAYS: readonly IsoWeekday[] = [1, 2, 3, 4, 5, 6, 7];

export type HoursPreset =
  'default' | 'allDay' | 'lunchBreak' | 'closedSundays' | 'internationalHome';

const iv = (opens: string, closes: string): OpeningInterval => ({ opens, closes });

function intervalsFor(preset: HoursPreset, weekday: IsoWeekday): OpeningInterval[] {
  switch (preset) {
    case 'default':
      // The 百通岗 rule: staffed every day until 21:30.
      return [iv('08:30', '21:30')];
    case 'allDay':
      // A 24-hour self-service point (智慧书房、便民服务点).
      return [iv('00:00', '24:00')];
    case 'lunchBreak':
      return [iv('08:30', '12:00'), iv('14:00', '21:30')];
    case 'closedSundays':
      return weekday === 7 ? [] : [iv('08:30', '21:30')];
    case 'internationalHome':
      // 美美国际之家: later start on weekdays, shorter Sunday.
      return weekday === 7 ? [iv('10:00', '18:00')] : [iv('09:00', '21:30')];
  }
}

/** Seven entries, Monday to Sunday; a closed day has no intervals. Fresh objects on every call. */
export function weeklyHours(preset: HoursPreset): WeeklyHours[] {
  return WEEKDAYS.map((weekday) => ({ weekday, intervals: intervalsFor(preset, weekday) }));
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a `YYYY-MM-DD` date. */
export function isoWeekday(date: string): IsoWeekday {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return (day === 0 ? 7 : day) as IsoWeekday;
}

export const interval = iv;
