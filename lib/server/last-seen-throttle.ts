// Decides when a device's last_seen_at is worth a write: at most once per interval per device, for
// any number of devices. Two generations of "touched at" maps are swapped every interval, so a
// device seen in the last interval is always remembered (however many others were seen since) and
// memory holds only the devices of the last two intervals. The old scheme cleared one map past
// 100,000 entries, which at a million phones forgot every device every few seconds and fell back
// to one write per batch.
export class LastSeenThrottle {
  private current = new Map<string, number>();
  private previous = new Map<string, number>();
  private swappedAt: number;

  constructor(
    private readonly everyMs: number,
    private readonly clock: () => number = Date.now,
  ) {
    this.swappedAt = clock();
  }

  /** True when the device should be written now (and remembers that it was). */
  shouldTouch(deviceId: string): boolean {
    const now = this.clock();
    if (now - this.swappedAt >= this.everyMs) {
      // Everything in `previous` is older than one interval by now; `current` becomes the past.
      this.previous = now - this.swappedAt >= 2 * this.everyMs ? new Map() : this.current;
      this.current = new Map();
      this.swappedAt = now;
    }
    const last = this.current.get(deviceId) ?? this.previous.get(deviceId);
    if (last !== undefined && now - last < this.everyMs) return false;
    this.current.set(deviceId, now);
    return true;
  }

  /** Devices remembered, for tests and memory checks. */
  get size(): number {
    return this.current.size + this.previous.size;
  }
}
