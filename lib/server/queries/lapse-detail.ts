// One lapse with its evidence: last fix, battery, device events around the start, how many fixes
// surround the gap, the nearest station, and whether the registration it cancelled can be reinstated.
import 'server-only';
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '@/lib/db/client';
import { registrationStatusSchema, workerStatusSchema } from '@/lib/api/enums';
import type { LapseDetail } from '@/lib/api/lapses';
import { findNearestStation } from '@/lib/domain/region';
import { loadRegionPack } from '@/lib/region/load-pack';
import type { OfficerContext } from '../officer-context';
import { inScope } from '../scope';
import { lapseColumns, type LapseRow, toLapseItem } from './lapse-rows';
import { toBoolOrNull, toDate, toIso, toNumber, toNumberOrNull } from './values';

const HOUR_MS = 3_600_000;
const STATION_RADIUS_M = 500;

interface DetailRow extends LapseRow {
  detected_at: unknown;
  void_reason: string | null;
  late_data_detail: Record<string, unknown> | string | null;
  last_fix_time: unknown;
  last_fix_lat: unknown;
  last_fix_lon: unknown;
  last_fix_accuracy: unknown;
  last_battery: unknown;
  last_charging: unknown;
  document_number: string;
  worker_status: string;
  registration_status: string;
  cancel_lapse_id: string | null;
  other_live: number;
}

export async function findLapseRow(db: Db, officer: OfficerContext, id: string): Promise<DetailRow | null> {
  const [row] = await queryRows<DetailRow>(
    db,
    sql`SELECT ${lapseColumns(new Date())}, l.detected_at, l.void_reason, l.late_data_detail, l.last_fix_time, l.last_fix_lat,
          l.last_fix_lon, l.last_fix_accuracy, l.last_battery, l.last_charging, w.document_number,
          coalesce(ws.status, 'none') AS worker_status, r.status AS registration_status, r.cancel_lapse_id,
          (SELECT count(*)::int FROM registrations r2 WHERE r2.worker_id = l.worker_id AND r2.id <> r.id
             AND r2.status IN ('pending', 'active', 'interrupted')) AS other_live
        FROM lapses l JOIN workers w ON w.id = l.worker_id JOIN registrations r ON r.id = l.registration_id
          LEFT JOIN worker_status ws ON ws.worker_id = l.worker_id
        WHERE l.id = ${id}::uuid AND ${inScope(officer, sql`l.okrug`)}`,
  );
  return row ?? null;
}

function nearestStation(lat: number | null, lon: number | null): LapseDetail['nearestStation'] {
  if (lat === null || lon === null) return null;
  const pack = loadRegionPack();
  const hit = findNearestStation(pack, lat, lon, STATION_RADIUS_M);
  if (!hit) return null;
  const line = pack.lines.find((l) => l.id === hit.station.lineId);
  return {
    name: hit.station.nameRu,
    nameEn: hit.station.nameEn,
    line: line?.nameRu ?? null,
    lineEn: line?.nameEn ?? null,
    distanceMeters: Math.round(hit.distanceM),
  };
}

// The mark late data left (late-data-guard.ts): when, which phone, how many fixes, and whether
// the void brought a cancelled registration back.
function readLateData(at: unknown, raw: DetailRow['late_data_detail']): LapseDetail['restoredByLateData'] {
  if (at === null || at === undefined) return null;
  const detail: Record<string, unknown> = typeof raw === 'string' ? JSON.parse(raw) : (raw ?? {});
  return {
    at: toIso(at),
    deviceId: typeof detail.deviceId === 'string' ? detail.deviceId : null,
    fixes: typeof detail.fixes === 'number' ? detail.fixes : 0,
    registrationRestored: detail.registrationRestored === true,
  };
}

export async function getLapseDetail(
  db: Db,
  officer: OfficerContext,
  id: string,
): Promise<LapseDetail | null> {
  const row = await findLapseRow(db, officer, id);
  if (!row) return null;
  const item = toLapseItem(row);
  const start = toDate(row.started_at);
  const end = row.ended_at ? toDate(row.ended_at) : new Date();
  const [events, counts] = await Promise.all([
    queryRows<{ at: unknown; type: string }>(
      db,
      sql`SELECT at, type FROM device_events WHERE worker_id = ${row.worker_id}::uuid
            AND at >= ${new Date(start.getTime() - HOUR_MS).toISOString()}::timestamptz
            AND at <= ${new Date(start.getTime() + HOUR_MS).toISOString()}::timestamptz
          ORDER BY at LIMIT 200`,
    ),
    queryRows<{ before: number; during: number; after: number }>(
      db,
      sql`SELECT count(*) FILTER (WHERE fix_time <= ${start.toISOString()}::timestamptz)::int AS before,
            count(*) FILTER (WHERE fix_time > ${start.toISOString()}::timestamptz
              AND fix_time < ${end.toISOString()}::timestamptz)::int AS during,
            count(*) FILTER (WHERE fix_time >= ${end.toISOString()}::timestamptz)::int AS after
          FROM positions WHERE worker_id = ${row.worker_id}::uuid
            AND fix_time >= ${new Date(start.getTime() - HOUR_MS).toISOString()}::timestamptz
            AND fix_time < ${new Date(end.getTime() + HOUR_MS).toISOString()}::timestamptz`,
    ),
  ]);
  const lat = toNumberOrNull(row.last_fix_lat);
  const lon = toNumberOrNull(row.last_fix_lon);
  const registrationStatus = registrationStatusSchema.parse(row.registration_status);
  return {
    ...item,
    detectedAt: toIso(row.detected_at),
    voidReason: row.void_reason,
    restoredByLateData: readLateData(row.late_data_voided_at, row.late_data_detail),
    lastFix:
      row.last_fix_time && lat !== null && lon !== null
        ? { time: toIso(row.last_fix_time), lat, lon, accuracy: toNumberOrNull(row.last_fix_accuracy) }
        : null,
    battery: toNumberOrNull(row.last_battery),
    charging: toBoolOrNull(row.last_charging),
    deviceEvents: events.map((e) => ({ at: toIso(e.at), type: e.type })),
    positions: {
      before: toNumber(counts[0]?.before ?? 0),
      during: toNumber(counts[0]?.during ?? 0),
      after: toNumber(counts[0]?.after ?? 0),
    },
    nearestStation: nearestStation(lat, lon),
    worker: { status: workerStatusSchema.parse(row.worker_status), documentNumber: row.document_number },
    registration: {
      id: row.registration_id,
      status: registrationStatus,
      cancelLapseId: row.cancel_lapse_id,
      reinstatable:
        registrationStatus === 'cancelled' &&
        row.cancel_lapse_id === row.id &&
        (item.review?.decision === 'technical' || item.review?.decision === 'excused') &&
        toNumber(row.other_live) === 0,
    },
  };
}
