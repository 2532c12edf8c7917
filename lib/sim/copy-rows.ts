// Seeded history as PostgreSQL COPY text, table by table, in an order that satisfies the foreign
// keys when the tables are loaded one after another.
import { ByteWriter } from './byte-writer';
import { FixBuffer, FLAG_CHARGING, FLAG_MOCK, PROVIDER_NAMES } from './fix-buffer';
import type { LapseRow } from './history';
import { copyRow, createWindowTest, listWindows, stretchEnd, type WindowOptions } from './position-windows';
import { expandStretch } from './stretch';
import type { SeedHistory } from './simulate-history';

export const COPY_TABLES = {
  workers: ['id', 'full_name_latin', 'full_name_cyrillic', 'citizenship', 'document_number', 'birth_date', 'phone', 'employer', 'sector', 'created_at'],
  devices: ['id', 'worker_id', 'token_hash', 'platform', 'model', 'app_version', 'created_at', 'last_seen_at'],
  registrations: ['id', 'worker_id', 'address_text', 'lat', 'lon', 'okrug', 'status', 'policy_version', 'created_at', 'activated_at', 'closed_at', 'cancel_lapse_id'],
  lapses: ['id', 'worker_id', 'registration_id', 'kind', 'started_at', 'ended_at', 'detected_at', 'okrug', 'citizenship', 'last_fix_time', 'last_fix_lat', 'last_fix_lon', 'last_fix_accuracy', 'last_battery', 'last_charging', 'likely_cause', 'explanation_ru', 'explanation_en', 'caused_cancellation', 'voided_at', 'void_reason', 'review_decision', 'review_note', 'reviewed_by', 'reviewed_at', 'policy_version', 'trigger', 'cancel_rule', 'cancelled_at', 'cause_facts'],
  registration_events: ['registration_id', 'worker_id', 'at', 'type', 'from_status', 'to_status', 'cause', 'actor', 'lapse_id', 'created_at'],
  worker_status: ['worker_id', 'registration_id', 'status', 'citizenship', 'okrug', 'declared_lat', 'declared_lon', 'last_fix_time', 'last_lat', 'last_lon', 'last_accuracy', 'last_battery', 'last_charging', 'last_seen_at', 'open_lapse_id', 'open_lapse_kind', 'open_lapse_started_at', 'lapse_deadline', 'open_lapse_silence', 'status_since', 'updated_at'],
  device_events: ['device_id', 'worker_id', 'at', 'type', 'received_at'],
  positions: ['device_id', 'worker_id', 'fix_time', 'received_at', 'lat', 'lon', 'accuracy', 'speed', 'heading', 'altitude', 'battery', 'charging', 'provider', 'mock'],
} as const; // prettier-ignore

export type CopyTable = keyof typeof COPY_TABLES;
const PROVIDER_BYTES = PROVIDER_NAMES.map((name) => new TextEncoder().encode(name));
export const COPY_ORDER = Object.keys(COPY_TABLES) as CopyTable[];

export interface CopyOptions extends WindowOptions {
  review: (lapse: LapseRow) => LapseRow['review'];
}

/** One chunk of COPY text per table; `add` appends a worker's whole history. */
export class CopyChunk {
  readonly reviews: { lapse: LapseRow; workerId: string }[] = [];
  private readonly out = Object.fromEntries(COPY_ORDER.map((t) => [t, new ByteWriter(1 << 16)])) as Record<
    CopyTable,
    ByteWriter
  >;
  private readonly counts = Object.fromEntries(COPY_ORDER.map((t) => [t, 0])) as Record<CopyTable, number>;
  private readonly scratch = new FixBuffer(1024);

  constructor(private readonly opts: CopyOptions) {}

  count(table: CopyTable): number {
    return this.counts[table];
  }

  /** COPY text of the table as bytes (a copy, safe to transfer). */
  toBytes(table: CopyTable): Uint8Array {
    return this.out[table].view().slice();
  }

  add(h: SeedHistory): void {
    const w = h.worker;
    const o = this.out;
    const c = this.counts;
    const created =
      Math.min(h.enrolledAt, h.recorder.registrations[0]?.createdAt ?? h.enrolledAt) - 3_600_000;
    o.workers
      .code(w.workerId)
      .tab()
      .text(w.nameLatin)
      .tab()
      .text(w.nameCyrillic)
      .tab()
      .code(w.citizenship)
      .tab();
    o.workers.text(w.documentNumber).tab().code(w.birthDate).tab().text(w.phone).tab().text(w.employer).tab();
    o.workers.code(w.sector).tab().time(created).newline();
    c.workers++;
    o.devices
      .code(w.deviceId)
      .tab()
      .code(w.workerId)
      .tab()
      .code(w.tokenHash)
      .tab()
      .code(w.device.platform)
      .tab();
    o.devices.text(w.device.model).tab().text(w.device.appVersion).tab().time(created).tab();
    o.devices.timeOrNull(h.lastSeenAt).newline();
    c.devices++;
    const r = o.registrations;
    for (const g of h.recorder.registrations) {
      r.code(g.id)
        .tab()
        .code(g.workerId)
        .tab()
        .text(g.addressText)
        .tab()
        .fixed(g.lat, 6)
        .tab()
        .fixed(g.lon, 6)
        .tab();
      r.code(g.okrug).tab().code(g.status).tab().int(g.policyVersion).tab().time(g.createdAt).tab();
      r.timeOrNull(g.activatedAt).tab().timeOrNull(g.closedAt).tab().code(g.cancelLapseId).newline();
      c.registrations++;
    }
    for (const l of h.recorder.lapses) {
      l.review = this.opts.review(l);
      if (l.review) this.reviews.push({ lapse: l, workerId: w.workerId });
      this.addLapse(l);
    }
    const e = o.registration_events;
    for (const v of h.recorder.events) {
      e.code(v.registrationId).tab().code(v.workerId).tab().time(v.at).tab().code(v.type).tab();
      e.code(v.fromStatus).tab().code(v.toStatus).tab().text(v.cause).tab().code(v.actor).tab();
      e.code(v.lapseId).tab().time(v.at).newline();
      c.registration_events++;
    }
    this.addStatus(h);
    for (const v of h.events) {
      if (v.time >= h.enrolledAt && v.arrival <= this.opts.now) {
        o.device_events.code(w.deviceId).tab().code(w.workerId).tab().time(v.time).tab().code(v.type).tab();
        o.device_events.time(v.arrival).newline();
        c.device_events++;
      }
    }
    this.addPositions(h);
  }

  private addLapse(l: LapseRow): void {
    const o = this.out.lapses;
    const f = l.lastFix;
    o.code(l.id).tab().code(l.workerId).tab().code(l.registrationId).tab().code(l.kind).tab();
    o.time(l.startedAt).tab().timeOrNull(l.endedAt).tab().time(l.detectedAt).tab().code(l.okrug).tab();
    o.code(l.citizenship).tab().timeOrNull(f?.time.getTime()).tab().fixedOrNull(f?.lat, 6).tab();
    o.fixedOrNull(f?.lon, 6).tab().fixedOrNull(f?.accuracy, 1).tab().int(f?.battery).tab();
    o.boolOrNull(f?.charging).tab().code(l.likelyCause).tab().text(l.explanationRu).tab();
    o.text(l.explanationEn).tab().bool(l.causedCancellation).tab().timeOrNull(l.voidedAt).tab();
    o.text(l.voidReason).tab().code(l.review?.decision).tab().text(l.review?.note).tab();
    o.text(l.review?.by).tab().timeOrNull(l.review?.at).tab().int(l.policyVersion).tab();
    o.code(l.trigger).tab().code(l.cancelRule).tab().timeOrNull(l.cancelledAt).tab();
    o.text(l.causeFacts ? JSON.stringify(l.causeFacts) : null).newline();
    this.counts.lapses++;
  }

  private addStatus(h: SeedHistory): void {
    const o = this.out.worker_status;
    const s = h.status;
    const f = s.lastFix;
    o.code(s.workerId).tab().code(s.registrationId).tab().code(s.status).tab().code(s.citizenship).tab();
    o.code(s.okrug).tab().fixedOrNull(s.declaredLat, 6).tab().fixedOrNull(s.declaredLon, 6).tab();
    o.timeOrNull(f?.time.getTime()).tab().fixedOrNull(f?.lat, 6).tab().fixedOrNull(f?.lon, 6).tab();
    o.fixedOrNull(f?.accuracy, 1).tab().int(f?.battery).tab().boolOrNull(f?.charging).tab();
    o.timeOrNull(s.lastSeenAt).tab().code(s.openLapseId).tab().code(s.openLapseKind).tab();
    o.timeOrNull(s.openLapseStartedAt).tab().timeOrNull(s.lapseDeadline).tab().bool(s.openLapseSilence).tab();
    o.time(s.statusSince).tab().time(this.opts.now).newline();
    this.counts.worker_status++;
  }

  private addPositions(h: SeedHistory): void {
    const windows = listWindows(h, this.opts);
    const out = this.scratch;
    out.clear();
    const inWindow = createWindowTest(windows);
    const buf = h.fixes;
    for (let i = 0; i < buf.n; i++) {
      const t = buf.time[i]!;
      if (t < h.enrolledAt || buf.arrival[i]! > this.opts.now || !inWindow(t)) continue;
      copyRow(buf, i, out);
    }
    for (const s of h.stretches) {
      for (const [from, to] of windows)
        if (from < stretchEnd(s) && to > s.first) expandStretch(s, Math.max(from, h.enrolledAt), to, out);
    }
    const w = h.worker;
    const p = this.out.positions;
    const ids = out.n ? new TextEncoder().encode(`${w.deviceId}\t${w.workerId}\t`) : null;
    for (let i = 0; i < out.n && ids; i++) {
      const arrival = out.arrival[i]!;
      if (arrival > this.opts.now) continue;
      const flags = out.flags[i]!;
      p.raw(ids).time(out.time[i]!).tab().time(arrival).tab();
      p.fixed(out.lat[i]!, 6).tab().fixed(out.lon[i]!, 6).tab().fixed(out.accuracy[i]!, 1).tab();
      p.fixed(out.speed[i]!, 2).tab().fixed(out.heading[i]!, 0).tab().fixed(out.altitude[i]!, 0).tab();
      p.uint(out.battery[i]!)
        .tab()
        .bool((flags & FLAG_CHARGING) !== 0)
        .tab();
      p.raw(PROVIDER_BYTES[out.provider[i]!] ?? PROVIDER_BYTES[1]!)
        .tab()
        .bool((flags & FLAG_MOCK) !== 0)
        .newline();
      this.counts.positions++;
    }
  }
}
