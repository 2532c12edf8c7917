-- Core tables. Runs unchanged on PGlite and on PostgreSQL 15+.
CREATE TABLE workers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  full_name_latin text NOT NULL,
  full_name_cyrillic text,
  citizenship text NOT NULL,
  document_number text NOT NULL,
  birth_date date NOT NULL,
  phone text NOT NULL,
  employer text,
  sector text,
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT workers_person_uq UNIQUE (citizenship, document_number)
);
CREATE INDEX workers_name_latin_idx ON workers (lower(full_name_latin) text_pattern_ops);
CREATE INDEX workers_name_cyr_idx ON workers (lower(full_name_cyrillic) text_pattern_ops);
CREATE INDEX workers_document_idx ON workers (document_number);
CREATE INDEX workers_phone_idx ON workers (phone);

CREATE TABLE devices (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  worker_id uuid NOT NULL REFERENCES workers(id),
  token_hash text NOT NULL UNIQUE,
  platform text NOT NULL,
  model text,
  app_version text,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz,
  revoked_at timestamptz
);
CREATE INDEX devices_worker_idx ON devices (worker_id);

CREATE TABLE registrations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  worker_id uuid NOT NULL REFERENCES workers(id),
  address_text text NOT NULL,
  lat double precision NOT NULL,
  lon double precision NOT NULL,
  okrug text,
  status text NOT NULL CHECK (status IN ('pending','active','interrupted','cancelled','ended')),
  policy_version integer NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  activated_at timestamptz,
  closed_at timestamptz,
  cancel_lapse_id uuid
);
CREATE INDEX registrations_worker_idx ON registrations (worker_id, created_at DESC);
-- At most one live registration per worker, enforced by the database rather than by a race-prone check.
CREATE UNIQUE INDEX registrations_one_live_uq ON registrations (worker_id)
  WHERE status IN ('pending','active','interrupted');

CREATE TABLE registration_events (
  id bigserial PRIMARY KEY,
  registration_id uuid NOT NULL REFERENCES registrations(id),
  worker_id uuid NOT NULL,
  at timestamptz NOT NULL,
  type text NOT NULL,
  from_status text,
  to_status text NOT NULL,
  cause text NOT NULL,
  actor text NOT NULL,
  lapse_id uuid,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX registration_events_reg_idx ON registration_events (registration_id, at);
CREATE INDEX registration_events_worker_idx ON registration_events (worker_id, at);
CREATE INDEX registration_events_at_idx ON registration_events (at);

-- Partitioned by day on fix_time so retention drops whole partitions; partitions are created
-- ahead of time and on demand by lib/db/partitions.ts.
CREATE TABLE positions (
  device_id uuid NOT NULL,
  worker_id uuid NOT NULL,
  fix_time timestamptz NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  lat double precision NOT NULL,
  lon double precision NOT NULL,
  accuracy real NOT NULL,
  speed real,
  heading real,
  altitude real,
  battery smallint,
  charging boolean,
  provider text,
  mock boolean NOT NULL DEFAULT false,
  PRIMARY KEY (device_id, fix_time)
) PARTITION BY RANGE (fix_time);
CREATE INDEX positions_worker_time_idx ON positions (worker_id, fix_time);

CREATE TABLE device_events (
  id bigserial PRIMARY KEY,
  device_id uuid NOT NULL,
  worker_id uuid NOT NULL,
  at timestamptz NOT NULL,
  type text NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT device_events_uq UNIQUE (device_id, at, type)
);
CREATE INDEX device_events_worker_idx ON device_events (worker_id, at);

CREATE TABLE lapses (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  worker_id uuid NOT NULL REFERENCES workers(id),
  registration_id uuid NOT NULL REFERENCES registrations(id),
  kind text NOT NULL CHECK (kind IN ('signal_lost','location_disabled','device_off','mock_location','left_region')),
  started_at timestamptz NOT NULL,
  ended_at timestamptz,
  detected_at timestamptz NOT NULL,
  okrug text,
  citizenship text NOT NULL,
  last_fix_time timestamptz,
  last_fix_lat double precision,
  last_fix_lon double precision,
  last_fix_accuracy real,
  last_battery smallint,
  last_charging boolean,
  likely_cause text NOT NULL,
  explanation_ru text NOT NULL,
  explanation_en text NOT NULL,
  caused_cancellation boolean NOT NULL DEFAULT false,
  voided_at timestamptz,
  void_reason text,
  review_decision text CHECK (review_decision IN ('technical','violation','excused')),
  review_note text,
  reviewed_by text,
  reviewed_at timestamptz
);
CREATE INDEX lapses_worker_idx ON lapses (worker_id, started_at DESC);
CREATE INDEX lapses_registration_idx ON lapses (registration_id);
CREATE INDEX lapses_started_idx ON lapses (started_at DESC);
CREATE INDEX lapses_open_idx ON lapses (okrug, started_at DESC) WHERE ended_at IS NULL AND voided_at IS NULL;
CREATE INDEX lapses_unreviewed_idx ON lapses (okrug, started_at DESC) WHERE review_decision IS NULL AND voided_at IS NULL;

CREATE TABLE worker_status (
  worker_id uuid PRIMARY KEY REFERENCES workers(id),
  registration_id uuid,
  status text NOT NULL CHECK (status IN ('none','pending','active','interrupted','cancelled','ended')),
  citizenship text NOT NULL,
  okrug text,
  declared_lat double precision,
  declared_lon double precision,
  last_fix_time timestamptz,
  last_lat double precision,
  last_lon double precision,
  last_accuracy real,
  last_battery smallint,
  last_charging boolean,
  last_seen_at timestamptz,
  open_lapse_id uuid,
  open_lapse_kind text,
  lapse_deadline timestamptz,
  status_since timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
-- The sweep looks only at live rows whose last fix is old, or whose grace has run out.
CREATE INDEX worker_status_sweep_idx ON worker_status (last_fix_time) WHERE status = 'active';
CREATE INDEX worker_status_deadline_idx ON worker_status (lapse_deadline) WHERE status = 'interrupted';
CREATE INDEX worker_status_map_idx ON worker_status (declared_lon, declared_lat) INCLUDE (status, okrug, citizenship);
CREATE INDEX worker_status_okrug_idx ON worker_status (okrug, status);

CREATE TABLE policy_versions (
  id serial PRIMARY KEY,
  heartbeat_seconds integer NOT NULL CHECK (heartbeat_seconds > 0),
  lapse_after_seconds integer NOT NULL CHECK (lapse_after_seconds > 0),
  grace_seconds integer NOT NULL CHECK (grace_seconds >= 0),
  low_battery_percent integer NOT NULL CHECK (low_battery_percent BETWEEN 0 AND 100),
  min_accuracy_meters integer NOT NULL CHECK (min_accuracy_meters > 0),
  retention_days integer NOT NULL CHECK (retention_days > 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by text NOT NULL,
  note text
);
INSERT INTO policy_versions (heartbeat_seconds, lapse_after_seconds, grace_seconds, low_battery_percent,
  min_accuracy_meters, retention_days, created_by, note)
VALUES (300, 900, 0, 5, 200, 14, 'system', 'Published rule: the first lapse cancels the registration.');

CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  actor_id text NOT NULL,
  actor_name text NOT NULL,
  actor_role text NOT NULL,
  action text NOT NULL,
  worker_id uuid,
  target_type text,
  target_id text,
  reason text,
  detail jsonb
);
CREATE INDEX audit_log_at_idx ON audit_log (at);
CREATE INDEX audit_log_worker_idx ON audit_log (worker_id, at);
CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, at);

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END $$;
CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();

CREATE TABLE job_runs (
  name text PRIMARY KEY,
  last_run_at timestamptz NOT NULL,
  last_duration_ms integer NOT NULL,
  detail jsonb
);
