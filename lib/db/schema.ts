// One drizzle schema for PGlite and PostgreSQL. The DDL itself lives in ./migrations/*.sql, which
// add what drizzle cannot express (daily partitions of positions, the append-only audit trigger).
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  serial,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const tz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const workers = pgTable(
  'workers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    fullNameLatin: text('full_name_latin').notNull(),
    fullNameCyrillic: text('full_name_cyrillic'),
    citizenship: text('citizenship').notNull(),
    documentNumber: text('document_number').notNull(),
    birthDate: date('birth_date', { mode: 'string' }).notNull(),
    phone: text('phone').notNull(),
    employer: text('employer'),
    sector: text('sector'),
    createdAt: tz('created_at').notNull().defaultNow(),
    // Search keys (migration 0008_search), computed by the database from the columns above.
    nameKey: text('name_key').generatedAlwaysAs(
      sql`rw_fold_name(full_name_latin || ' ' || COALESCE(full_name_cyrillic, ''))`,
    ),
    nameSkeleton: text('name_skeleton').generatedAlwaysAs(
      sql`rw_name_skeleton(rw_fold_name(full_name_latin || ' ' || COALESCE(full_name_cyrillic, '')))`,
    ),
    phoneKey: text('phone_key').generatedAlwaysAs(sql`rw_phone_key(phone)`),
    documentKey: text('document_key').generatedAlwaysAs(sql`rw_document_key(document_number)`),
    /** Language chosen for messages to the worker (0018); null: chosen by citizenship. */
    notifyLanguage: text('notify_language'),
  },
  (t) => [
    index('workers_document_idx').on(t.documentNumber),
    index('workers_document_key_idx').on(t.documentKey.op('text_pattern_ops')),
    index('workers_name_latin_idx').on(sql.raw('lower(full_name_latin)')),
    index('workers_name_skeleton_trgm_idx').using('gin', t.nameSkeleton.op('gin_trgm_ops')),
    index('workers_phone_idx').on(t.phone),
    index('workers_phone_key_trgm_idx').using('gin', t.phoneKey.op('gin_trgm_ops')),
  ],
);

export const devices = pgTable(
  'devices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workerId: uuid('worker_id').notNull(),
    tokenHash: text('token_hash').notNull(),
    platform: text('platform').notNull(),
    model: text('model'),
    appVersion: text('app_version'),
    createdAt: tz('created_at').notNull().defaultNow(),
    lastSeenAt: tz('last_seen_at'),
    revokedAt: tz('revoked_at'),
    replacedBy: uuid('replaced_by'),
  },
  (t) => [index('devices_worker_idx').on(t.workerId)],
);

// Events of the worker rather than of one registration (a phone replaced by a new enrolment).
export const workerEvents = pgTable(
  'worker_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    workerId: uuid('worker_id').notNull(),
    at: tz('at').notNull(),
    type: text('type').notNull(),
    cause: text('cause').notNull(),
    actor: text('actor').notNull(),
    detail: jsonb('detail').$type<Record<string, unknown>>(),
    createdAt: tz('created_at').notNull().defaultNow(),
  },
  (t) => [index('worker_events_worker_idx').on(t.workerId, t.at)],
);

export const registrations = pgTable(
  'registrations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workerId: uuid('worker_id').notNull(),
    addressText: text('address_text').notNull(),
    lat: doublePrecision('lat').notNull(),
    lon: doublePrecision('lon').notNull(),
    okrug: text('okrug'),
    status: text('status').notNull(),
    policyVersion: integer('policy_version').notNull(),
    createdAt: tz('created_at').notNull().defaultNow(),
    activatedAt: tz('activated_at'),
    closedAt: tz('closed_at'),
    cancelLapseId: uuid('cancel_lapse_id'),
    restoredByLateDataAt: tz('restored_by_late_data_at'),
  },
  (t) => [
    uniqueIndex('registrations_one_live_uq')
      .on(t.workerId)
      .where(sql`status IN ('pending', 'active', 'interrupted')`),
    index('registrations_worker_idx').on(t.workerId, t.createdAt.desc()),
  ],
);

export const registrationEvents = pgTable(
  'registration_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    registrationId: uuid('registration_id').notNull(),
    workerId: uuid('worker_id').notNull(),
    at: tz('at').notNull(),
    type: text('type').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    cause: text('cause').notNull(),
    actor: text('actor').notNull(),
    lapseId: uuid('lapse_id'),
    createdAt: tz('created_at').notNull().defaultNow(),
    /** The writing transaction, for the live feed (migration 0008_feed); set by a column default. */
    feedXid: bigint('feed_xid', { mode: 'bigint' }),
    detail: jsonb('detail').$type<Record<string, unknown>>(),
  },
  (t) => [
    index('registration_events_at_idx').on(t.at),
    index('registration_events_feed_idx')
      .on(t.feedXid, t.id)
      .where(sql`feed_xid IS NOT NULL`),
    index('registration_events_reg_idx').on(t.registrationId, t.at),
    index('registration_events_worker_idx').on(t.workerId, t.at),
  ],
);

export const positions = pgTable(
  'positions',
  {
    deviceId: uuid('device_id').notNull(),
    workerId: uuid('worker_id').notNull(),
    fixTime: tz('fix_time').notNull(),
    receivedAt: tz('received_at').notNull().defaultNow(),
    lat: doublePrecision('lat').notNull(),
    lon: doublePrecision('lon').notNull(),
    accuracy: real('accuracy').notNull(),
    speed: real('speed'),
    heading: real('heading'),
    altitude: real('altitude'),
    battery: smallint('battery'),
    charging: boolean('charging'),
    provider: text('provider'),
    mock: boolean('mock').notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.deviceId, t.fixTime] })],
);

export const deviceEvents = pgTable(
  'device_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    deviceId: uuid('device_id').notNull(),
    workerId: uuid('worker_id').notNull(),
    at: tz('at').notNull(),
    type: text('type').notNull(),
    receivedAt: tz('received_at').notNull().defaultNow(),
  },
  (t) => [index('device_events_worker_idx').on(t.workerId, t.at)],
);

export const lapses = pgTable(
  'lapses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workerId: uuid('worker_id').notNull(),
    registrationId: uuid('registration_id').notNull(),
    kind: text('kind').notNull(),
    startedAt: tz('started_at').notNull(),
    endedAt: tz('ended_at'),
    detectedAt: tz('detected_at').notNull(),
    okrug: text('okrug'),
    citizenship: text('citizenship').notNull(),
    lastFixTime: tz('last_fix_time'),
    lastFixLat: doublePrecision('last_fix_lat'),
    lastFixLon: doublePrecision('last_fix_lon'),
    lastFixAccuracy: real('last_fix_accuracy'),
    lastBattery: smallint('last_battery'),
    lastCharging: boolean('last_charging'),
    likelyCause: text('likely_cause').notNull(),
    explanationRu: text('explanation_ru').notNull(),
    explanationEn: text('explanation_en').notNull(),
    causedCancellation: boolean('caused_cancellation').notNull().default(false),
    voidedAt: tz('voided_at'),
    voidReason: text('void_reason'),
    lateDataVoidedAt: tz('late_data_voided_at'),
    lateDataDetail: jsonb('late_data_detail').$type<Record<string, unknown>>(),
    reviewDecision: text('review_decision'),
    reviewNote: text('review_note'),
    reviewedBy: text('reviewed_by'),
    reviewedAt: tz('reviewed_at'),
    /** The writing transaction, for the live feed (migration 0008_feed); set by a column default. */
    feedXid: bigint('feed_xid', { mode: 'bigint' }),
    policyVersion: integer('policy_version'),
    trigger: text('trigger'),
    cancelRule: text('cancel_rule'),
    cancelledAt: tz('cancelled_at'),
    causeFacts: jsonb('cause_facts').$type<Record<string, unknown>>(),
  },
  (t) => [
    index('lapses_feed_idx')
      .on(t.feedXid, t.id)
      .where(sql`feed_xid IS NOT NULL`),
    index('lapses_open_idx')
      .on(t.okrug, t.startedAt.desc())
      .where(sql`ended_at IS NULL AND voided_at IS NULL`),
    index('lapses_registration_idx').on(t.registrationId),
    index('lapses_started_idx').on(t.startedAt.desc()),
    index('lapses_unreviewed_idx')
      .on(t.okrug, t.startedAt.desc())
      .where(sql`review_decision IS NULL AND voided_at IS NULL`),
    index('lapses_worker_idx').on(t.workerId, t.startedAt.desc()),
    index('lapses_fix_position_idx')
      .on(t.lastFixLon, t.lastFixLat)
      .where(sql`voided_at IS NULL`),
  ],
);

// One row per worker: the current picture used by the map, the counters and the sweep.
export const workerStatus = pgTable(
  'worker_status',
  {
    workerId: uuid('worker_id').primaryKey(),
    registrationId: uuid('registration_id'),
    status: text('status').notNull(),
    citizenship: text('citizenship').notNull(),
    okrug: text('okrug'),
    declaredLat: doublePrecision('declared_lat'),
    declaredLon: doublePrecision('declared_lon'),
    lastFixTime: tz('last_fix_time'),
    lastLat: doublePrecision('last_lat'),
    lastLon: doublePrecision('last_lon'),
    lastAccuracy: real('last_accuracy'),
    lastBattery: smallint('last_battery'),
    lastCharging: boolean('last_charging'),
    lastSeenAt: tz('last_seen_at'),
    openLapseId: uuid('open_lapse_id'),
    openLapseKind: text('open_lapse_kind'),
    openLapseStartedAt: tz('open_lapse_started_at'),
    openLapseSilence: boolean('open_lapse_silence').notNull().default(false),
    lapseDeadline: tz('lapse_deadline'),
    backlogUntil: tz('backlog_until'),
    statusSince: tz('status_since').notNull().defaultNow(),
    updatedAt: tz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('worker_status_deadline_idx')
      .on(t.lapseDeadline)
      .where(sql`status = 'interrupted'`),
    // In SQL also INCLUDE (status, okrug, citizenship), which drizzle cannot declare.
    index('worker_status_map_idx').on(t.declaredLon, t.declaredLat),
    index('worker_status_okrug_idx').on(t.okrug, t.status),
    index('worker_status_open_lapse_idx')
      .on(t.lastLon, t.lastLat)
      .where(sql`open_lapse_id IS NOT NULL`),
    index('worker_status_sweep_idx')
      .on(t.lastFixTime)
      .where(sql`status = 'active'`),
  ],
);

export const policyVersions = pgTable('policy_versions', {
  id: serial('id').primaryKey(),
  heartbeatSeconds: integer('heartbeat_seconds').notNull(),
  lapseAfterSeconds: integer('lapse_after_seconds').notNull(),
  graceSeconds: integer('grace_seconds').notNull(),
  lowBatteryPercent: integer('low_battery_percent').notNull(),
  minAccuracyMeters: integer('min_accuracy_meters').notNull(),
  retentionDays: integer('retention_days').notNull(),
  createdAt: tz('created_at').notNull().defaultNow(),
  createdBy: text('created_by').notNull(),
  note: text('note'),
  preset: text('preset').notNull().default('strict'),
  cancelUnit: text('cancel_unit').notNull().default('calendar'),
  cancelAfterWorkingDays: integer('cancel_after_working_days').notNull().default(3),
  reminderAfterSeconds: integer('reminder_after_seconds'),
});

// Append-only (a trigger refuses UPDATE and DELETE). Holds ids and reasons, never personal data.
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: tz('at').notNull().defaultNow(),
    actorId: text('actor_id').notNull(),
    actorName: text('actor_name').notNull(),
    actorRole: text('actor_role').notNull(),
    action: text('action').notNull(),
    workerId: uuid('worker_id'),
    /** Every worker a many-worker read showed (0007_audit_worker_ids.sql). */
    workerIds: uuid('worker_ids').array(),
    targetType: text('target_type'),
    targetId: text('target_id'),
    reason: text('reason'),
    detail: jsonb('detail').$type<Record<string, unknown>>(),
  },
  (t) => [
    index('audit_log_at_idx').on(t.at),
    index('audit_log_actor_idx').on(t.actorId, t.at),
    index('audit_log_worker_ids_idx').using('gin', t.workerIds),
    index('audit_log_worker_idx').on(t.workerId, t.at),
  ],
);

// Sweep and purge bookkeeping so several instances share one schedule.
export const jobRuns = pgTable('job_runs', {
  name: text('name').primaryKey(),
  lastRunAt: tz('last_run_at').notNull(),
  lastDurationMs: integer('last_duration_ms').notNull(),
  detail: jsonb('detail').$type<Record<string, unknown>>(),
});

// Address clusters pre-aggregated per grid cell and zoom (migration 0004), kept in step from
// map_cell_deltas, which triggers on worker_status append to (migration 0008_map_cells_delta).
export const mapCells = pgTable(
  'map_cells',
  {
    zoom: smallint('zoom').notNull(),
    cx: integer('cx').notNull(),
    cy: integer('cy').notNull(),
    okrug: text('okrug').notNull(),
    citizenship: text('citizenship').notNull(),
    /** '' for the address layer; otherwise the open lapse's kind, at the worker's last fix (0016). */
    kind: text('kind').notNull().default(''),
    nPending: integer('n_pending').notNull(),
    nActive: integer('n_active').notNull(),
    nInterrupted: integer('n_interrupted').notNull(),
    nCancelled: integer('n_cancelled').notNull(),
    nEnded: integer('n_ended').notNull(),
    sumLon: doublePrecision('sum_lon').notNull(),
    sumLat: doublePrecision('sum_lat').notNull(),
    minLon: doublePrecision('min_lon').notNull(),
    minLat: doublePrecision('min_lat').notNull(),
    maxLon: doublePrecision('max_lon').notNull(),
    maxLat: doublePrecision('max_lat').notNull(),
  },
  (t) => [
    uniqueIndex('map_cells_key_uq').on(t.zoom, t.cx, t.cy, t.okrug, t.citizenship, t.kind),
    index('map_cells_empty_idx')
      .on(t.zoom)
      .where(sql`n_pending + n_active + n_interrupted + n_cancelled + n_ended <= 0`),
  ],
);

export const mapCellDeltas = pgTable('map_cell_deltas', {
  lon: doublePrecision('lon').notNull(),
  lat: doublePrecision('lat').notNull(),
  okrug: text('okrug').notNull(),
  citizenship: text('citizenship').notNull(),
  status: text('status').notNull(),
  sign: smallint('sign').notNull(),
  kind: text('kind').notNull().default(''),
});

// The heat layer pre-aggregated per local day (0014_heat_cells.sql; lib/server/heat-cells.ts).
export const heatCells = pgTable(
  'heat_cells',
  {
    day: date('day', { mode: 'string' }).notNull(),
    zoom: smallint('zoom').notNull(),
    cx: integer('cx').notNull(),
    cy: integer('cy').notNull(),
    okrug: text('okrug').notNull(),
    n: integer('n').notNull(),
    nSignalLost: integer('n_signal_lost').notNull(),
    nLocationDisabled: integer('n_location_disabled').notNull(),
    nDeviceOff: integer('n_device_off').notNull(),
    nMockLocation: integer('n_mock_location').notNull(),
    nLeftRegion: integer('n_left_region').notNull(),
    nGe: integer('n_ge').notNull(),
    nKz: integer('n_kz').notNull(),
    nUz: integer('n_uz').notNull(),
    nAz: integer('n_az').notNull(),
    nMd: integer('n_md').notNull(),
    nAm: integer('n_am').notNull(),
    nKg: integer('n_kg').notNull(),
    nTj: integer('n_tj').notNull(),
    nUa: integer('n_ua').notNull(),
    sumLon: doublePrecision('sum_lon').notNull(),
    sumLat: doublePrecision('sum_lat').notNull(),
  },
  (t) => [
    uniqueIndex('heat_cells_key_uq').on(t.zoom, t.cx, t.cy, t.day, t.okrug),
    index('heat_cells_empty_idx')
      .on(t.zoom)
      .where(sql`n <= 0`),
  ],
);

export const heatCellDeltas = pgTable('heat_cell_deltas', {
  startedAt: tz('started_at').notNull(),
  lon: doublePrecision('lon').notNull(),
  lat: doublePrecision('lat').notNull(),
  okrug: text('okrug').notNull(),
  kind: text('kind').notNull(),
  citizenship: text('citizenship').notNull(),
  sign: smallint('sign').notNull(),
});

// Messages to the worker (0018_worker_notifications.sql): kind code + facts, rendered when read.
export const workerNotifications = pgTable(
  'worker_notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    workerId: uuid('worker_id')
      .notNull()
      .references(() => workers.id),
    registrationId: uuid('registration_id'),
    lapseId: uuid('lapse_id'),
    kind: text('kind').notNull(),
    facts: jsonb('facts').$type<Record<string, unknown>>().notNull().default({}),
    dedupeKey: text('dedupe_key'),
    createdAt: tz('created_at').notNull().defaultNow(),
    deliveredAt: tz('delivered_at'),
    acknowledgedAt: tz('acknowledged_at'),
    failedAt: tz('failed_at'),
    failure: text('failure'),
  },
  (t) => [
    uniqueIndex('worker_notifications_dedupe_idx').on(t.dedupeKey),
    index('worker_notifications_worker_idx').on(t.workerId, t.seq),
  ],
);

// Gateway deliveries (push, SMS, webhook) per message and channel.
export const notificationDeliveries = pgTable(
  'notification_deliveries',
  {
    notificationId: uuid('notification_id')
      .notNull()
      .references(() => workerNotifications.id),
    channel: text('channel').notNull(),
    status: text('status').notNull(),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    updatedAt: tz('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.notificationId, t.channel] })],
);
