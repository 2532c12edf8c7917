// COPY text written straight into bytes: positions are millions of rows, and building a string
// per row costs more in garbage collection than everything else in the seed.
const TAB = 9;
const NEWLINE = 10;
const DIGIT_0 = 48;
const encoder = new TextEncoder();

export class ByteWriter {
  bytes: Uint8Array;
  length = 0;
  private cachedDay = NaN;
  private readonly dayPrefix = new Uint8Array(11);

  constructor(capacity = 1 << 20) {
    this.bytes = new Uint8Array(capacity);
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

  raw(data: Uint8Array): this {
    this.reserve(data.length);
    this.bytes.set(data, this.length);
    this.length += data.length;
    return this;
  }

  /** Plain ASCII with nothing COPY would need escaped (ids, codes). */
  ascii(text: string): this {
    return this.raw(encoder.encode(text));
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
    this.bytes[this.length++] = 92; // backslash
    this.bytes[this.length++] = 78; // N
    return this;
  }

  bool(v: boolean): this {
    this.reserve(1);
    this.bytes[this.length++] = v ? 116 : 102; // t / f
    return this;
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

  /** ISO 8601 UTC with milliseconds, e.g. 2026-11-24T21:00:05.123Z. */
  time(ms: number): this {
    const whole = Math.floor(ms);
    const day = Math.floor(whole / 86_400_000);
    if (day !== this.cachedDay) {
      this.cachedDay = day;
      this.dayPrefix.set(encoder.encode(new Date(day * 86_400_000).toISOString().slice(0, 11)));
    }
    this.raw(this.dayPrefix);
    this.reserve(13);
    let rest = whole - day * 86_400_000;
    const milli = rest % 1000;
    rest = (rest - milli) / 1000;
    const sec = rest % 60;
    rest = (rest - sec) / 60;
    const min = rest % 60;
    this.padded((rest - min) / 60, 2);
    this.bytes[this.length++] = 58; // colon
    this.padded(min, 2);
    this.bytes[this.length++] = 58;
    this.padded(sec, 2);
    this.bytes[this.length++] = 46;
    this.padded(milli, 3);
    this.bytes[this.length++] = 90; // Z
    return this;
  }
}
