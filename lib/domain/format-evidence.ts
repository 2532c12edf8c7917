// Small formatters for the evidence quoted in lapse explanations (clock times, battery, metres).

const clockFormats = new Map<string, Intl.DateTimeFormat>();
const dayFormats = new Map<string, Intl.DateTimeFormat>();

function getFormat(
  cache: Map<string, Intl.DateTimeFormat>,
  timeZone: string,
  opts: Intl.DateTimeFormatOptions,
) {
  let f = cache.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('ru-RU', { timeZone, ...opts });
    cache.set(timeZone, f);
  }
  return f;
}

/** "18:42" in the zone; "18:42 (23.11)" when the day differs from the reference (the lapse start). */
export function formatClock(time: Date, reference: Date, timeZone: string): string {
  const clock = getFormat(clockFormats, timeZone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const day = getFormat(dayFormats, timeZone, { day: '2-digit', month: '2-digit' });
  const hhmm = clock.format(time);
  const date = day.format(time);
  return date === day.format(reference) ? hhmm : `${hhmm} (${date})`;
}

export function formatBattery(percent: number): string {
  return `${Math.round(percent)} %`;
}

export function formatMeters(meters: number): string {
  return String(Math.round(meters));
}
