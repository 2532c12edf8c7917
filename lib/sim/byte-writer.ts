// The one encoder of PostgreSQL COPY text (tab-separated, \N for NULL, backslash escapes) for the
// seeder and the benchmark, written straight into bytes: a million workers are tens of millions of
// fields, and building a string per row costs more in garbage collection than the rest of the seed.
// Values are written one by one; the caller puts tab() between them and newline() after the row.
const TAB = 9;
const NEWLINE = 10;
const BACKSLASH = 92;
const DIGIT_0 = 48;
const encoder = new TextEncoder();
// What COPY text needs escaped inside a value: backslash, tab, newline, carriage return.
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
const SPECIAL = /[\\\t\n\r]/g;

export class ByteWriter {
  bytes: Uint8Array;
  length = 0;
  private cachedDay = NaN;
  private readonly dayPrefix = new Uint8Array(11);

  constructor(capacity = 1 << 20) {
    this.bytes = new Uint8Array(Math.max(16, capacity));
  }

  private reserve(n: number): void {
    if (this.length + n <= this.bytes.length) return;
    let size = this.bytes.length * 2;
    while (size < this.length + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.bytes.subarray(0, this.length));
    this.bytes = next;
  }

  /** The bytes written so far (a view, valid until the next write). */
  view(): Uint8Array {
    return this.bytes.subarray(0, this.length);
  }

  /** Forgets what was written and keeps the memory. */
  clear(): void {
    this.length = 0;
  }

  raw(data: Uint8Array): this {
    const n = data.length;
    this.reserve(n);
    // A loop beats set() for the short pieces (ids, day prefixes) that make up most rows.
    if (n > 64) this.bytes.set(data, this.length);
    else for (let i = 0, b = this.bytes, at = this.length; i < n; i++) b[at + i] = data[i]!;
    this.length += n;
    return this;
  }

  /** Plain ASCII with nothing COPY would need escaped (ids, codes). */
  ascii(text: string): this {
    const n = text.length;
    this.reserve(n);
    const b = this.bytes;
    let at = this.length;
    for (let i = 0; i < n; i++) b[at++] = text.charCodeAt(i) & 0x7f;
    this.length = at;
    return this;
  }

  /** An id or code (ASCII, nothing to escape), or NULL. */
  code(text: string | null | undefined): this {
    return text === null || text === undefined ? this.nul() : this.ascii(text);
  }

  /** Any text, escaped for COPY and encoded as UTF-8, or NULL. */
  text(value: string | null | undefined): this {
    if (value === null || value === undefined) return this.nul();
    const n = value.length;
    this.reserve(n);
    const b = this.bytes;
    const start = this.length;
    let at = start;
    for (let i = 0; i < n; i++) {
      const c = value.charCodeAt(i);
      if (c >= 0x80 || c === BACKSLASH || c === TAB || c === NEWLINE || c === 13) {
        // Not plain ASCII: start over with the general path.
        this.length = start;
        return this.encoded(value);
      }
      b[at++] = c;
    }
    this.length = at;
    return this;
  }

  private encoded(value: string): this {
    const escaped = value.replace(SPECIAL, (c) => ESCAPES[c] ?? c);
    // UTF-8 takes at most three bytes per UTF-16 unit.
    this.reserve(escaped.length * 3);
    this.length += encoder.encodeInto(escaped, this.bytes.subarray(this.length)).written;
    return this;
  }

  tab(): this {
    this.reserve(1);
    this.bytes[this.length++] = TAB;
    return this;
  }

  newline(): this {
    this.reserve(1);
    this.bytes[this.length++] = NEWLINE;
    return this;
  }

  nul(): this {
    this.reserve(2);
    this.bytes[this.length++] = BACKSLASH;
    this.bytes[this.length++] = 78; // N
    return this;
  }

  bool(v: boolean): this {
    this.reserve(1);
    this.bytes[this.length++] = v ? 116 : 102; // t / f
    return this;
  }

  boolOrNull(v: boolean | null | undefined): this {
    return v === null || v === undefined ? this.nul() : this.bool(v);
  }

  /** A non-negative integer. */
  uint(n: number): this {
    this.reserve(16);
    if (n < 10) {
      this.bytes[this.length++] = DIGIT_0 + n;
      return this;
    }
    const start = this.length;
    let v = n;
    while (v > 0) {
      this.bytes[this.length++] = DIGIT_0 + (v % 10);
      v = Math.floor(v / 10);
    }
    this.bytes.subarray(start, this.length).reverse();
    return this;
  }

  /** A whole number (rounded), or NULL when absent or not finite. */
  int(n: number | null | undefined): this {
    if (n === null || n === undefined || !Number.isFinite(n)) return this.nul();
    const v = Math.round(n);
    if (v < 0) {
      this.reserve(1);
      this.bytes[this.length++] = 45; // minus
    }
    return this.uint(Math.abs(v));
  }

  private padded(n: number, width: number): void {
    for (let k = width - 1; k >= 0; k--) {
      this.bytes[this.length + k] = DIGIT_0 + (n % 10);
      n = Math.floor(n / 10);
    }
    this.length += width;
  }

  /** A number with a fixed count of decimals; NaN and infinities are written as NULL. */
  fixed(v: number, decimals: number): this {
    if (!Number.isFinite(v)) return this.nul();
    const scale = 10 ** decimals;
    let scaled = Math.round(Math.abs(v) * scale);
    if (v < 0 && scaled > 0) {
      this.reserve(1);
      this.bytes[this.length++] = 45; // minus
    }
    const frac = scaled % scale;
    scaled = (scaled - frac) / scale;
    this.uint(scaled);
    if (decimals > 0) {
      this.reserve(decimals + 1);
      this.bytes[this.length++] = 46; // dot
      this.padded(frac, decimals);
    }
    return this;
  }

  fixedOrNull(v: number | null | undefined, decimals: number): this {
    return v === null || v === undefined ? this.nul() : this.fixed(v, decimals);
  }

  /** ISO 8601 UTC with milliseconds, e.g. 2026-11-24T21:00:05.123Z. */
  time(ms: number): this {
    if (!Number.isFinite(ms)) return this.nul();
    const whole = Math.floor(ms);
    const day = Math.floor(whole / 86_400_000);
    if (day !== this.cachedDay) {
      this.cachedDay = day;
      this.dayPrefix.set(encoder.encode(new Date(day * 86_400_000).toISOString().slice(0, 11)));
    }
    this.reserve(24);
    const b = this.bytes;
    const p = this.dayPrefix;
    let at = this.length;
    for (let i = 0; i < 11; i++) b[at++] = p[i]!;
    const rest = whole - day * 86_400_000;
    const milli = rest % 1000;
    const secs = (rest - milli) / 1000;
    const sec = secs % 60;
    const mins = (secs - sec) / 60;
    const min = mins % 60;
    const hour = (mins - min) / 60;
    b[at++] = DIGIT_0 + ((hour / 10) | 0);
    b[at++] = DIGIT_0 + (hour % 10);
    b[at++] = 58; // colon
    b[at++] = DIGIT_0 + ((min / 10) | 0);
    b[at++] = DIGIT_0 + (min % 10);
    b[at++] = 58;
    b[at++] = DIGIT_0 + ((sec / 10) | 0);
    b[at++] = DIGIT_0 + (sec % 10);
    b[at++] = 46; // dot
    b[at++] = DIGIT_0 + ((milli / 100) | 0);
    b[at++] = DIGIT_0 + (((milli / 10) | 0) % 10);
    b[at++] = DIGIT_0 + (milli % 10);
    b[at++] = 90; // Z
    this.length = at;
    return this;
  }

  timeOrNull(ms: number | null | undefined): this {
    return ms === null || ms === undefined ? this.nul() : this.time(ms);
  }
}
