import { TZDate } from '@date-fns/tz';
import type { Logger } from 'pino';
import { type DayType, type HolidayCalendar, chinaHolidayCalendar } from '../sla/holiday-calendar';

/**
 * The national calendar where it is published, and plain Monday–Friday working weeks for a year
 * the State Council has not announced yet (the arrangement for next year appears in November).
 * A case must never fail intake because of that; the gap is logged once per year so that the
 * chinese-days package gets updated.
 */
export function slaCalendar(log: Logger): HolidayCalendar {
  const warned = new Set<number>();
  return {
    dayType(date: string): DayType {
      const year = Number(date.slice(0, 4));
      if (chinaHolidayCalendar.coversYear(year)) return chinaHolidayCalendar.dayType(date);
      if (!warned.has(year)) {
        warned.add(year);
        log.warn(
          { year },
          `no national holiday arrangement for ${year} yet: SLA clocks count Monday–Friday until chinese-days is updated`,
        );
      }
      const [y, m, d] = date.split('-').map(Number);
      const weekday = new TZDate(y!, m! - 1, d!, 12, 0, 'Asia/Shanghai').getDay();
      return weekday === 0 || weekday === 6 ? 'weekend' : 'workday';
    },
  };
}
