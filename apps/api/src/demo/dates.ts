/**
 * Calendar helpers on plain `YYYY-MM-DD` strings, computed in UTC so the host
 * time zone never matters. Local time in the demo is Asia/Shanghai (UTC+8, no DST).
 */

const DAY_MS = 86_400_000;
export const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** `YYYY-MM-DD` of a day number (H. Hinnant's civil_from_days); no Date objects, so it is fast. */
export function civilFromDays(days: number): string {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

/** Day number (days since 1970-01-01) of a `YYYY-MM-DD` date; throws on a malformed or impossible date. */
export function dayNumber(date: string): number {
  const m = DATE_RE.exec(date);
  if (!m) throw new RangeError(`expected YYYY-MM-DD, got ${JSON.stringify(date)}`);
  const days = daysFromCivil(Number(m[1]), Number(m[2]), Number(m[3]));
  if (civilFromDays(days) !== date) throw new RangeError(`not a calendar date: ${date}`);
  return days;
}

/** Milliseconds of UTC midnight of a `YYYY-MM-DD` date; throws on a malformed or impossible date. */
export function parseDate(date: string): number {
  return dayNumber(date) * DAY_MS;
}

/** `YYYY-MM-DD` of the UTC day containing `ms`. */
export function formatDate(ms: number): string {
  return civilFromDays(Math.floor(ms / DAY_MS));
}

export function addDays(date: string, days: number): string {
  return civilFromDays(dayNumber(date) + days);
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: string, b: string): number {
  return dayNumber(b) - dayNumber(a);
}

/** ISO instant (`…Z`, whole seconds) of a local Asia/Shanghai wall-clock time on a date (string or day number). */
export function shanghaiInstant(date: string | number, minutesOfDay: number, seconds = 0): string {
  const days = typeof date === 'number' ? date : dayNumber(date);
  const total = days * 86_400 + minutesOfDay * 60 + seconds - SHANGHAI_OFFSET_MS / 1000;
  const day = Math.floor(total / 86_400);
  const rest = total - day * 86_400;
  const hh = Math.floor(rest / 3600);
  const mm = Math.floor((rest % 3600) / 60);
  return `${civilFromDays(day)}T${pad(hh)}:${pad(mm)}:${pad(rest % 60)}.000Z`;
}

/**
 * 除夕 (Spring Festival eve, the last day of the lunar year), 2018–2050. Checked
 * against the `chinese-days` lunar calendar in the tests.
 */
// prettier-ignore
export const SPRING_FESTIVAL_EVES: readonly string[] = [
  '2018-02-15', '2019-02-04', '2020-01-24', '2021-02-11', '2022-01-31', '2023-01-21',
  '2024-02-09', '2025-01-28', '2026-02-16', '2027-02-05', '2028-01-25', '2029-02-12',
  '2030-02-02', '2031-01-22', '2032-02-10', '2033-01-30', '2034-02-18', '2035-02-07',
  '2036-01-27', '2037-02-14', '2038-02-03', '2039-01-23', '2040-02-11', '2041-01-31',
  '2042-01-21', '2043-02-09', '2044-01-29', '2045-02-16', '2046-02-05', '2047-01-25',
  '2048-02-13', '2049-02-01', '2050-01-22',
];

/** The first Spring Festival eve strictly after `date`, or null beyond the table. */
export function nextSpringFestivalEve(date: string): string | null {
  return SPRING_FESTIVAL_EVES.find((eve) => eve > date) ?? null;
}
