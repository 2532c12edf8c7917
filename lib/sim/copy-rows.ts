// Seeded history as PostgreSQL COPY text, table by table, in an order that satisfies the foreign
// keys when the tables are loaded one after another.
import { ByteWriter } from './byte-writer';
import { FixBuffer, FLAG_CHARGING, FLAG_MOCK, PROVIDER_NAMES } from './fix-buffer';
import type { LapseRow } from './history';
import { line, num, text, time } from './copy-text';
import { copyRow, createWindowTest, listWindows, stretchEnd, type WindowOptions } from './position-windows';
import { expandStretch } from './stretch';
import type { SeedHistory } from './simulate-history';

export const COPY_TABLES = {
  workers: ['id', 'full_name_latin', 'full_name_cyrillic', 'citizenship', 'document_number', 'birth_date', 'phone', 'employer', 'sector', 'created_at'],
  devices: ['id', 'worker_id', 'token_hash', 'platform', 'model', 'app_version', 'created_at', 'last_seen_at'],
  registrations: ['id', 'worker_id', 'address_text', 'lat', 'lon', 'okrug', 'status', 'policy_version', 'created_at', 'activated_at', 'closed_at', 'cancel_lapse_id'],
  lapses: ['id', 'worker_id', 'registration_id', 'kind', 'started_at', 'ended_at', 'detected_at', 'okrug', 'citizenship', 'last_fix_time', 'last_fix_lat', 'last_fix_lon', 'last_fix_accuracy', 'last_battery', 'last_charging', 'likely_cause', 'explanation_ru', 'explanation_en', 'caused_cancellation', 'voided_at', 'void_reason', 'review_decision', 'review_note', 'reviewed_by', 'reviewed_at'],
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
  readonly lines: Record<Exclude<CopyTable, 'positions'>, string[]> = Object.fromEntries(
    COPY_ORDER.filter((t) => t !== 'positions').map((t) => [t, []]),
  ) as unknown as Record<Exclude<CopyTable, 'positions'>, string[]>;
  readonly reviews: { lapse: LapseRow; workerId: string }[] = [];
  private readonly scratch = new FixBuffer(1024);
  private readonly positions = new ByteWriter();
  private positionCount = 0;

  constructor(private readonly opts: CopyOptions) {}

  count(table: CopyTable): number {
    return table === 'positions' ? this.positionCount : this.lines[table].length;
  }

  /** COPY text of the table; positions come as bytes (a copy, safe to transfer). */
  toText(table: CopyTable): string | Uint8Array {
    if (table === 'positions') return this.positions.view().slice();
    const rows = this.lines[table];
    return rows.length ? `${rows.join('\n')}\n` : '';
  }

  add(h: SeedHistory): void {
    const w = h.worker;
    const L = this.lines;
    const created =
      Math.min(h.enrolledAt, h.recorder.registrations[0]?.createdAt ?? h.enrolledAt) - 3_600_000;
    L.workers.push(
      line([
        w.workerId,
        text(w.nameLatin),
        text(w.nameCyrillic),
        w.citizenship,
        w.documentNumber,
        w.birthDate,
        w.phone,
        text(w.employer),
        w.sector,
        time(created),
      ]),
    );
    L.devices.push(
      line([
        w.deviceId,
        w.workerId,
        w.tokenHash,
        w.device.platform,
        text(w.device.model),
        w.device.appVersion,
        time(created),
        time(h.lastSeenAt),
      ]),
    );
    for (const r of h.recorder.registrations) {
      L.registrations.push(
        line([
          r.id,
          r.workerId,
          text(r.addressText),
          num(r.lat, 6),
          num(r.lon, 6),
          r.okrug,
          r.status,
          r.policyVersion,
          time(r.createdAt),
          time(r.activatedAt),
          time(r.closedAt),
          r.cancelLapseId,
        ]),
      );
    }
    for (const l of h.recorder.lapses) {
      l.review = this.opts.review(l);
      if (l.review) this.reviews.push({ lapse: l, workerId: w.workerId });
      const f = l.lastFix;
      L.lapses.push(
        line([
          l.id,
          l.workerId,
          l.registrationId,
          l.kind,
          time(l.startedAt),
          time(l.endedAt),
          time(l.detectedAt),
          l.okrug,
          l.citizenship,
          time(f?.time.getTime()),
          num(f?.lat, 6),
          num(f?.lon, 6),
          num(f?.accuracy, 1),
          num(f?.battery),
          f ? (f.charging ? 't' : 'f') : null,
          l.likelyCause,
          text(l.explanationRu),
          text(l.explanationEn),
          l.causedCancellation ? 't' : 'f',
          time(l.voidedAt),
          text(l.voidReason),
          l.review?.decision ?? null,
          text(l.review?.note),
          text(l.review?.by),
          time(l.review?.at),
        ]),
      );
    }
    for (const e of h.recorder.events) {
      L.registration_events.push(
        line([
          e.registrationId,
          e.workerId,
          time(e.at),
          e.type,
          e.fromStatus,
          e.toStatus,
          text(e.cause),
          e.actor,
          e.lapseId,
          time(e.at),
        ]),
      );
    }
    const s = h.status;
    const f = s.lastFix;
    L.worker_status.push(
      line([
        s.workerId,
        s.registrationId,
        s.status,
        s.citizenship,
        s.okrug,
        num(s.declaredLat, 6),
        num(s.declaredLon, 6),
        time(f?.time.getTime()),
        num(f?.lat, 6),
        num(f?.lon, 6),
        num(f?.accuracy, 1),
        num(f?.battery),
        f ? (f.charging ? 't' : 'f') : null,
        time(s.lastSeenAt),
        s.openLapseId,
        s.openLapseKind,
        time(s.openLapseStartedAt),
        time(s.lapseDeadline),
        s.openLapseSilence ? 't' : 'f',
        time(s.statusSince),
        time(this.opts.now),
      ]),
    );
    for (const e of h.events) {
      if (e.time >= h.enrolledAt && e.arrival <= this.opts.now)
        L.device_events.push(line([w.deviceId, w.workerId, time(e.time), e.type, time(e.arrival)]));
    }
    this.addPositions(h);
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
    const ids = new TextEncoder().encode(`${w.deviceId}\t${w.workerId}\t`);
    const p = this.positions;
    for (let i = 0; i < out.n; i++) {
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
      this.positionCount++;
    }
  }
}
