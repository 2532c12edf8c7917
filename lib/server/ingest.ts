import 'server-only';
// Accepts fixes and device events from a device and moves the worker's registration through the
// lifecycle in the same transaction, so the map and the sweep never see half of a batch. Fixes
// that arrive late may void a lapse, but only when the track they form is plausible; every such
// void is marked and audited (late-data-guard.ts).
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '@/lib/db/client';
import { applyDeviceEvent, type Effect } from '@/lib/domain/lifecycle';
import { DEVICE_EVENT_TYPES, type DeviceEvent, type DeviceEventType, type Fix } from '@/lib/domain/types';
import type { DeviceContext, IngestResult, Rejection } from './engine-api';
import { checkTime, runForWorker } from './ingest-core';
import { ingestPositionGroup } from './ingest-positions';
import { refineLapsesWithEvents } from './late-data';
import { getCurrentPolicy } from './policy';

export interface IngestOptions {
  /** Fixes the phone still has queued after this batch; above zero holds the silence judgement. */
  backlog?: number | null;
}

function isDeviceEventType(value: string): value is DeviceEventType {
  return DEVICE_EVENT_TYPES.some((t) => t === value);
}

/** One device's upload: a group of one, so the dashboard and the ingest server share every step. */
export async function ingestPositions(
  db: Db,
  device: DeviceContext,
  fixes: Fix[],
  now = new Date(),
  options: IngestOptions = {},
): Promise<IngestResult> {
  const [outcome] = await ingestPositionGroup(db, [{ device, fixes, backlog: options.backlog }], now);
  if (!outcome) throw new Error('a group of one gave no outcome');
  if (!outcome.ok) throw outcome.error;
  return outcome.result;
}

export async function ingestDeviceEvents(
  db: Db,
  device: DeviceContext,
  events: DeviceEvent[],
  now = new Date(),
): Promise<IngestResult> {
  const policy = await getCurrentPolicy(db);
  const rejected: Rejection[] = [];
  const candidates: { event: DeviceEvent; index: number }[] = [];
  events.forEach((event, index) => {
    const reason = checkTime(event.time, now, policy);
    if (reason) rejected.push({ index, reason });
    else candidates.push({ event, index });
  });
  if (candidates.length === 0) return { accepted: 0, duplicates: 0, rejected };

  let accepted = 0;
  await runForWorker(db, device, now, policy, async (tx, row) => {
    const rows = candidates.map(({ event }) => ({
      device_id: device.deviceId,
      worker_id: device.workerId,
      at: event.time.toISOString(),
      type: event.type,
    }));
    const inserted = await queryRows<{ at: string | Date; type: string }>(
      tx,
      sql`INSERT INTO device_events (device_id, worker_id, at, type)
          SELECT device_id, worker_id, at, type
          FROM json_to_recordset(${JSON.stringify(rows)}::json) AS v(device_id uuid, worker_id uuid, at timestamptz, type text)
          ON CONFLICT (device_id, at, type) DO NOTHING RETURNING at, type`,
    );
    accepted = inserted.length;
    const newEvents = inserted
      .flatMap((r) => (isDeviceEventType(r.type) ? [{ time: new Date(r.at), type: r.type }] : []))
      .sort((a, b) => a.time.getTime() - b.time.getTime());
    const lastFixMs = row.last_fix_time ? new Date(row.last_fix_time).getTime() : -Infinity;
    return {
      effects: (state) => {
        let current = state;
        const all: Effect[] = [];
        for (const event of newEvents.filter((e) => e.time.getTime() > lastFixMs)) {
          const step = applyDeviceEvent(current, event, policy, () => crypto.randomUUID());
          current = step.state;
          all.push(...step.effects);
        }
        return { state: current, effects: all };
      },
      after: newEvents.length
        ? () => refineLapsesWithEvents(tx, device.workerId, newEvents, policy)
        : undefined,
    };
  });
  return { accepted, duplicates: candidates.length - accepted, rejected };
}
