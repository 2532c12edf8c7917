import type { FixSnapshot } from '@/lib/domain/lifecycle';

// Column storage for one worker's fixes, reused from worker to worker so generating a million
// workers does not allocate a million objects per day of history.

export const FLAG_CHARGING = 1;
export const FLAG_MOCK = 2;
/** The fix was taken on a trip and must be tested against the region's geofence. */
export const FLAG_CHECK_REGION = 4;

export const PROVIDER_GPS = 0;
export const PROVIDER_FUSED = 1;
export const PROVIDER_NETWORK = 2;
export const PROVIDER_NAMES = ['gps', 'fused', 'network'] as const;

export interface FixInputRow {
  time: number;
  arrival: number;
  lat: number;
  lon: number;
  accuracy: number;
  speed: number;
  heading: number;
  altitude: number;
  battery: number;
  flags: number;
  provider: number;
}

export class FixBuffer {
  n = 0;
  time = new Float64Array(0);
  arrival = new Float64Array(0);
  lat = new Float64Array(0);
  lon = new Float64Array(0);
  accuracy = new Float32Array(0);
  speed = new Float32Array(0);
  heading = new Float32Array(0);
  altitude = new Float32Array(0);
  battery = new Int16Array(0);
  flags = new Uint8Array(0);
  provider = new Uint8Array(0);

  constructor(capacity = 4096) {
    this.grow(capacity);
  }

  clear(): void {
    this.n = 0;
  }

  private grow(capacity: number): void {
    const copy = <T extends Float64Array | Float32Array | Int16Array | Uint8Array>(
      old: T,
      make: (n: number) => T,
    ) => {
      const next = make(capacity);
      next.set(old.subarray(0, this.n));
      return next;
    };
    this.time = copy(this.time, (n) => new Float64Array(n));
    this.arrival = copy(this.arrival, (n) => new Float64Array(n));
    this.lat = copy(this.lat, (n) => new Float64Array(n));
    this.lon = copy(this.lon, (n) => new Float64Array(n));
    this.accuracy = copy(this.accuracy, (n) => new Float32Array(n));
    this.speed = copy(this.speed, (n) => new Float32Array(n));
    this.heading = copy(this.heading, (n) => new Float32Array(n));
    this.altitude = copy(this.altitude, (n) => new Float32Array(n));
    this.battery = copy(this.battery, (n) => new Int16Array(n));
    this.flags = copy(this.flags, (n) => new Uint8Array(n));
    this.provider = copy(this.provider, (n) => new Uint8Array(n));
  }

  /** Index of a new row; the caller fills every column. */
  alloc(): number {
    if (this.n === this.time.length) this.grow(this.time.length * 2);
    return this.n++;
  }

  push(row: FixInputRow): void {
    const i = this.alloc();
    this.time[i] = row.time;
    this.arrival[i] = row.arrival;
    this.lat[i] = row.lat;
    this.lon[i] = row.lon;
    this.accuracy[i] = row.accuracy;
    this.speed[i] = row.speed;
    this.heading[i] = row.heading;
    this.altitude[i] = row.altitude;
    this.battery[i] = row.battery;
    this.flags[i] = row.flags;
    this.provider[i] = row.provider;
  }
}

export function getBufferSnapshot(buf: FixBuffer, i: number): FixSnapshot {
  return {
    time: new Date(buf.time[i]!),
    lat: buf.lat[i]!,
    lon: buf.lon[i]!,
    accuracy: buf.accuracy[i]!,
    battery: buf.battery[i]!,
    charging: (buf.flags[i]! & FLAG_CHARGING) !== 0,
  };
}
