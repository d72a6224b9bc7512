// An independent check of "open now" for the browser tests: the UI must show what the desk's
// published hours say for the current minute in Chongqing, computed here without the API's code.
interface Hours {
  weeklyHours: { weekday: number; intervals: { opens: string; closes: string }[] }[];
  exceptions: { date: string; intervals: { opens: string; closes: string }[] }[];
}

export function chongqingNow(now = new Date()): { date: string; weekday: number; minutes: number } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      weekday: 'short',
      hourCycle: 'h23',
    })
      .formatToParts(now)
      .map((p) => [p.type, p.value]),
  );
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(parts.weekday!) + 1;
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    weekday,
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

const min = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));

export function expectedOpen(desk: Hours, now = new Date()): boolean {
  const { date, weekday, minutes } = chongqingNow(now);
  const ex = desk.exceptions.find((e) => e.date === date);
  const intervals = ex
    ? ex.intervals
    : (desk.weeklyHours.find((w) => w.weekday === weekday)?.intervals ?? []);
  return intervals.some((iv) => minutes >= min(iv.opens) && minutes < min(iv.closes));
}

/** True when a boundary is within a minute, where a check could race the clock. */
export function nearBoundary(desk: Hours, now = new Date()): boolean {
  return expectedOpen(desk, now) !== expectedOpen(desk, new Date(now.getTime() + 60_000));
}
