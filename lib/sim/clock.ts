// Local days of the region's time zone, so "night at home" means night where the workers live.

export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;

/** Offset of `timeZone` from UTC at `at`, in milliseconds (Moscow: +3 h). */
export function getZoneOffsetMs(timeZone: string, at: Date): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}

/** Epoch ms of the local midnight starting the day that contains `t`. */
export function getLocalMidnight(t: number, offsetMs: number): number {
  return Math.floor((t + offsetMs) / DAY) * DAY - offsetMs;
}

/** 0 = Sunday … 6 = Saturday, in local time. */
export function getLocalWeekday(t: number, offsetMs: number): number {
  return new Date(t + offsetMs).getUTCDay();
}

/** Whole local days since the epoch: a stable day number for shift rotas. */
export function getLocalDayNumber(t: number, offsetMs: number): number {
  return Math.floor((t + offsetMs) / DAY);
}

export function getLocalMinuteOfDay(t: number, offsetMs: number): number {
  return Math.floor(((((t + offsetMs) % DAY) + DAY) % DAY) / MINUTE);
}
