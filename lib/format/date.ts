// Dates and times are always shown in Moscow time as 'dd.MM.yyyy HH:mm', in both languages; the
// page states the zone once ("Время московское (UTC+3)").
export const DISPLAY_TIME_ZONE = 'Europe/Moscow';

export type DateInput = Date | string | number;

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: DISPLAY_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

export function toDate(value: DateInput | null | undefined): Date | null {
  if (value === null || value === undefined || value === '') return null;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

interface MoscowParts {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
  second: string;
}

function moscowParts(date: Date): MoscowParts {
  const out: MoscowParts = { year: '', month: '', day: '', hour: '', minute: '', second: '' };
  for (const p of parts.formatToParts(date)) {
    if (isPartKey(p.type, out)) out[p.type] = p.value;
  }
  return out;
}

/** 'dd.MM.yyyy HH:mm' in Moscow time; '—' for a missing or broken value. */
export function formatDateTime(value: DateInput | null | undefined, withSeconds = false): string {
  const date = toDate(value);
  if (!date) return '—';
  const p = moscowParts(date);
  return `${p.day}.${p.month}.${p.year} ${p.hour}:${p.minute}${withSeconds ? `:${p.second}` : ''}`;
}

/** 'dd.MM.yyyy' in Moscow time. */
export function formatDate(value: DateInput | null | undefined): string {
  const date = toDate(value);
  if (!date) return '—';
  const p = moscowParts(date);
  return `${p.day}.${p.month}.${p.year}`;
}

/** 'HH:mm' in Moscow time. */
export function formatTime(value: DateInput | null | undefined): string {
  const date = toDate(value);
  if (!date) return '—';
  const p = moscowParts(date);
  return `${p.hour}:${p.minute}`;
}

/** The Moscow calendar day as 'yyyy-MM-dd' (for API date parameters). */
export function toMoscowDay(value: DateInput): string {
  const date = toDate(value) ?? new Date(NaN);
  const p = moscowParts(date);
  return `${p.year}-${p.month}-${p.day}`;
}

function isPartKey(type: string, target: MoscowParts): type is keyof MoscowParts {
  return type in target;
}
