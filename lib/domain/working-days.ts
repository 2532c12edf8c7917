// Working-day arithmetic on the Russian production calendar (data/region/moscow/production-calendar.json).
// Pure. A period of N working days "from" a moment starts on the next calendar day (Civil Code art. 191)
// and ends when the N-th working day after that has fully passed, at local midnight.
import calendarJson from '@/data/region/moscow/production-calendar.json';

export interface ProductionCalendar {
  timeZone: string;
  weekend: ReadonlySet<number>;
  holidays: ReadonlySet<string>;
  daysOff: ReadonlySet<string>;
  workingWeekends: ReadonlySet<string>;
  years: ReadonlySet<number>;
}

interface CalendarYear {
  holidays: string[];
  daysOff: string[];
  workingWeekends: string[];
}

export interface CalendarData {
  timeZone: string;
  weekend: number[];
  years: Record<string, CalendarYear>;
}

// Fixed holidays of Labour Code art. 112, used for years the pack does not cover.
const STATUTORY = [
  '01-01',
  '01-02',
  '01-03',
  '01-04',
  '01-05',
  '01-06',
  '01-07',
  '01-08',
  '02-23',
  '03-08',
  '05-01',
  '05-09',
  '06-12',
  '11-04',
];

export function compileCalendar(data: CalendarData): ProductionCalendar {
  const years = Object.values(data.years);
  return {
    timeZone: data.timeZone,
    weekend: new Set(data.weekend),
    holidays: new Set(years.flatMap((y) => y.holidays)),
    daysOff: new Set(years.flatMap((y) => y.daysOff)),
    workingWeekends: new Set(years.flatMap((y) => y.workingWeekends)),
    years: new Set(Object.keys(data.years).map(Number)),
  };
}

export const MOSCOW_CALENDAR: ProductionCalendar = compileCalendar(calendarJson);

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone: tz,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(tz, f);
  }
  return f;
}

function localParts(t: Date, tz: string): { date: string; offsetMs: number } {
  const p = Object.fromEntries(
    formatterFor(tz)
      .formatToParts(t)
      .map((x) => [x.type, x.value]),
  );
  const date = `${p.year}-${p.month}-${p.day}`;
  const wall = Date.UTC(
    Number(p.year),
    Number(p.month) - 1,
    Number(p.day),
    Number(p.hour),
    Number(p.minute),
    Number(p.second),
  );
  return { date, offsetMs: wall - Math.floor(t.getTime() / 1000) * 1000 };
}

/** The local calendar date of an instant, YYYY-MM-DD. */
export function toLocalDate(t: Date, tz: string): string {
  return localParts(t, tz).date;
}

function shiftDate(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The instant local midnight starts `date` in `tz`. */
export function startOfLocalDay(date: string, tz: string): Date {
  const guess = new Date(`${date}T00:00:00Z`);
  const first = new Date(guess.getTime() - localParts(guess, tz).offsetMs);
  // A second pass settles days on which the offset changes.
  return new Date(guess.getTime() - localParts(first, tz).offsetMs);
}

export function isWorkingDay(date: string, cal: ProductionCalendar): boolean {
  if (cal.workingWeekends.has(date)) return true;
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  if (cal.weekend.has(weekday)) return false;
  if (cal.holidays.has(date) || cal.daysOff.has(date)) return false;
  if (!cal.years.has(Number(date.slice(0, 4)))) return !STATUTORY.includes(date.slice(5));
  return true;
}

/** The moment N working days counted from `start` have passed (local midnight after the N-th). */
export function addWorkingDays(
  start: Date,
  n: number,
  cal: ProductionCalendar = MOSCOW_CALENDAR,
  tz = cal.timeZone,
): Date {
  let date = toLocalDate(start, tz);
  let counted = 0;
  // 60 calendar days always hold more than 30 working days, the longest period a policy allows.
  for (let guard = 0; counted < n && guard < 3660; guard++) {
    date = shiftDate(date, 1);
    if (isWorkingDay(date, cal)) counted++;
  }
  return startOfLocalDay(shiftDate(date, 1), tz);
}

/** Whole working days that have fully passed after the day of `from`, up to `to`. */
export function countWorkingDaysBetween(
  from: Date,
  to: Date,
  cal: ProductionCalendar = MOSCOW_CALENDAR,
  tz = cal.timeZone,
): number {
  const last = toLocalDate(to, tz);
  let date = shiftDate(toLocalDate(from, tz), 1);
  let n = 0;
  // Only days that ended before `to` count.
  while (date < last) {
    if (isWorkingDay(date, cal)) n++;
    date = shiftDate(date, 1);
  }
  return n;
}
