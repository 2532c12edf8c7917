// One worker's file: identity, current status and why, registrations with their events, lapses
// and devices. Returns null for an unknown worker and for one outside the caller's okrugs alike.
import 'server-only';
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '@/lib/db/client';
import { lapseKindSchema, registrationStatusSchema, workerStatusSchema } from '@/lib/api/enums';
import type { Registration, RegistrationEvent, WorkerDetail } from '@/lib/api/workers';
import type { OfficerContext } from '../officer-context';
import { inScope } from '../scope';
import { listWorkerNotifications } from '../notify/inbox';
import { lapseColumns, type LapseRow, toLapseItem } from './lapse-rows';
import { toBoolOrNull, toIso, toIsoOrNull, toNumber, toNumberOrNull } from './values';

interface HeadRow {
  id: string;
  full_name_latin: string;
  full_name_cyrillic: string | null;
  citizenship: string;
  document_number: string;
  birth_date: unknown;
  phone: string;
  employer: string | null;
  sector: string | null;
  created_at: unknown;
  status: string;
  status_since: unknown;
  okrug: string | null;
  registration_id: string | null;
  last_fix_time: unknown;
  last_accuracy: unknown;
  last_battery: unknown;
  last_charging: unknown;
  open_lapse_id: string | null;
  open_lapse_kind: string | null;
  lapse_deadline: unknown;
}

/** Loads the worker only if the caller's scope covers the worker's current okrug. */
export async function findWorkerInScope(
  db: Db,
  officer: OfficerContext,
  id: string,
): Promise<HeadRow | null> {
  const [row] = await queryRows<HeadRow>(
    db,
    sql`SELECT w.id, w.full_name_latin, w.full_name_cyrillic, w.citizenship, w.document_number,
          w.birth_date::text AS birth_date, w.phone, w.employer, w.sector, w.created_at,
          coalesce(ws.status, 'none') AS status, ws.status_since, ws.okrug, ws.registration_id,
          ws.last_fix_time, ws.last_accuracy, ws.last_battery, ws.last_charging, ws.open_lapse_id,
          ws.open_lapse_kind, ws.lapse_deadline
        FROM workers w LEFT JOIN worker_status ws ON ws.worker_id = w.id
        WHERE w.id = ${id}::uuid AND ${inScope(officer, sql`ws.okrug`)}`,
  );
  return row ?? null;
}

export async function workerExists(db: Db, id: string): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(db, sql`SELECT id FROM workers WHERE id = ${id}::uuid`);
  return rows.length > 0;
}

interface RegistrationRow {
  id: string;
  status: string;
  address_text: string;
  lat: unknown;
  lon: unknown;
  okrug: string | null;
  policy_version: unknown;
  created_at: unknown;
  activated_at: unknown;
  closed_at: unknown;
  cancel_lapse_id: string | null;
  restored_by_late_data_at: unknown;
}

interface EventRow {
  id: unknown;
  registration_id: string | null;
  at: unknown;
  type: string;
  from_status: string | null;
  to_status: string;
  cause: string;
  actor: string;
  lapse_id: string | null;
  actor_name?: string | null;
  note?: string | null;
}

export function toRegistrationEvent(e: EventRow): RegistrationEvent {
  return {
    id: toNumber(e.id),
    registrationId: e.registration_id,
    at: toIso(e.at),
    type: e.type,
    fromStatus: e.from_status,
    toStatus: e.to_status,
    cause: e.cause,
    actor: e.actor,
    actorName: e.actor_name ?? null,
    note: e.note ?? null,
    lapseId: e.lapse_id,
  };
}

function toRegistration(r: RegistrationRow): Registration {
  return {
    id: r.id,
    status: registrationStatusSchema.parse(r.status),
    addressText: r.address_text,
    lat: toNumber(r.lat),
    lon: toNumber(r.lon),
    okrug: r.okrug,
    policyVersion: toNumber(r.policy_version),
    createdAt: toIso(r.created_at),
    activatedAt: toIsoOrNull(r.activated_at),
    closedAt: toIsoOrNull(r.closed_at),
    cancelLapseId: r.cancel_lapse_id,
    restoredByLateDataAt: toIsoOrNull(r.restored_by_late_data_at),
  };
}

export async function getWorkerDetail(
  db: Db,
  officer: OfficerContext,
  id: string,
): Promise<WorkerDetail | null> {
  const head = await findWorkerInScope(db, officer, id);
  if (!head) return null;
  const [registrationRows, eventRows, workerEventRows, lapseRows, deviceRows, notifications] =
    await Promise.all([
      queryRows<RegistrationRow>(
        db,
        sql`SELECT id, status, address_text, lat, lon, okrug, policy_version, created_at, activated_at, closed_at,
            cancel_lapse_id, restored_by_late_data_at FROM registrations WHERE worker_id = ${id}::uuid ORDER BY created_at DESC LIMIT 100`,
      ),
      // Recording order, not event time: late fixes can restore a registration with an event stamped
      // before the cancellation it undoes, and the newest record is what explains the status now.
      queryRows<EventRow>(
        db,
        // The officer's name for a person's action, and the reason they recorded for a reinstatement.
        sql`SELECT e.id, e.registration_id, e.at, e.type, e.from_status, e.to_status, e.cause, e.actor, e.lapse_id,
            o.name AS actor_name,
            CASE WHEN e.type = 'reinstated' THEN (SELECT a.reason FROM audit_log a
              WHERE a.action = 'registration.reinstate' AND a.target_id = e.registration_id::text
                AND a.worker_id = e.worker_id ORDER BY a.id DESC LIMIT 1) END AS note
          FROM registration_events e LEFT JOIN officers o ON o.id = e.actor
          WHERE e.worker_id = ${id}::uuid ORDER BY e.id DESC LIMIT 500`,
      ),
      // Events of the worker itself (a phone replaced by a new enrolment) join the same timeline,
      // with negative ids so they never collide with registration event ids.
      queryRows<EventRow>(
        db,
        sql`SELECT -id AS id, NULL::uuid AS registration_id, at, type, NULL AS from_status,
            coalesce((SELECT status FROM worker_status WHERE worker_id = ${id}::uuid), 'none') AS to_status,
            cause, actor, NULL::uuid AS lapse_id, (SELECT name FROM officers WHERE id = actor) AS actor_name
          FROM worker_events WHERE worker_id = ${id}::uuid ORDER BY id DESC LIMIT 100`,
      ),
      queryRows<LapseRow>(
        db,
        sql`SELECT ${lapseColumns(new Date())} FROM lapses l JOIN workers w ON w.id = l.worker_id
          WHERE l.worker_id = ${id}::uuid ORDER BY l.started_at DESC LIMIT 200`,
      ),
      queryRows<{
        id: string;
        platform: string;
        model: string | null;
        app_version: string | null;
        created_at: unknown;
        last_seen_at: unknown;
        revoked_at: unknown;
      }>(
        db,
        sql`SELECT id, platform, model, app_version, created_at, last_seen_at, revoked_at
          FROM devices WHERE worker_id = ${id}::uuid ORDER BY created_at DESC`,
      ),
      listWorkerNotifications(db, id),
    ]);
  const registrations = registrationRows.map(toRegistration);
  const events = eventRows.map(toRegistrationEvent);
  const workerEvents = workerEventRows.map(toRegistrationEvent);
  const current = registrations.find((r) => r.id === head.registration_id) ?? null;
  return {
    id: head.id,
    fullNameLatin: head.full_name_latin,
    fullNameCyrillic: head.full_name_cyrillic,
    citizenship: head.citizenship,
    documentNumber: head.document_number,
    birthDate: String(head.birth_date),
    phone: head.phone,
    employer: head.employer,
    sector: head.sector,
    enrolledAt: toIso(head.created_at),
    status: workerStatusSchema.parse(head.status),
    statusSince: toIsoOrNull(head.status_since),
    statusReason: events.find((e) => !current || e.registrationId === current.id) ?? null,
    okrug: head.okrug,
    declaredAddress: current
      ? { text: current.addressText, lat: current.lat, lon: current.lon, okrug: current.okrug }
      : null,
    currentRegistration: current,
    lastFix: head.last_fix_time
      ? {
          at: toIso(head.last_fix_time),
          accuracy: toNumberOrNull(head.last_accuracy),
          battery: toNumberOrNull(head.last_battery),
          charging: toBoolOrNull(head.last_charging),
        }
      : null,
    openLapse:
      head.open_lapse_id && head.open_lapse_kind
        ? {
            id: head.open_lapse_id,
            kind: lapseKindSchema.parse(head.open_lapse_kind),
            deadline: toIsoOrNull(head.lapse_deadline),
          }
        : null,
    registrations,
    events: [...events, ...workerEvents],
    lapses: lapseRows.map(toLapseItem),
    devices: deviceRows.map((d) => ({
      id: d.id,
      platform: d.platform,
      model: d.model,
      appVersion: d.app_version,
      createdAt: toIso(d.created_at),
      lastSeenAt: toIsoOrNull(d.last_seen_at),
      revokedAt: toIsoOrNull(d.revoked_at),
    })),
    notifications,
  };
}
