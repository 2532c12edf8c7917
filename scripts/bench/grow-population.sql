-- Grows a seeded measurement database to copies × its population, for `npm run bench -- --reuse`
-- at a million workers without a million-worker seed: every worker (with device, current
-- registration, status and open lapse) is copied under new ids derived from md5(id || copy), its
-- declared point and last fix shifted by up to ±0.01° so cells fill like a denser city.
-- Usage: psql "$BENCH_DATABASE_URL" -v copies=20 -f scripts/bench/grow-population.sql
-- Only for an expendable database: it drops and rebuilds the search indexes around the load.
\set ON_ERROR_STOP on
SET synchronous_commit = off;
DROP INDEX IF EXISTS workers_name_skeleton_trgm_idx, workers_phone_key_trgm_idx;
CREATE TEMP TABLE copy_no AS SELECT generate_series(1, :copies - 1) AS k;
-- The workers to copy: those with a status row before any copy (so a re-run after a failure resumes).
CREATE TEMP TABLE base_workers AS SELECT w.* FROM workers w JOIN worker_status s ON s.worker_id = w.id;
CREATE FUNCTION pg_temp.cid(id uuid, k int) RETURNS uuid IMMUTABLE LANGUAGE sql AS $$ SELECT md5(id::text || '/' || k)::uuid $$;
CREATE FUNCTION pg_temp.shift(id uuid, k int) RETURNS float8 IMMUTABLE LANGUAGE sql
  AS $$ SELECT ((('x' || substr(md5(k || id::text), 1, 6))::bit(24)::int) / 16777215.0 - 0.5) * 0.02 $$;

INSERT INTO workers (id, full_name_latin, full_name_cyrillic, citizenship, document_number, birth_date, phone, employer, sector, created_at)
SELECT pg_temp.cid(w.id, k), full_name_latin, full_name_cyrillic, citizenship, document_number || '-' || k, birth_date,
  phone, employer, sector, created_at
FROM base_workers w CROSS JOIN copy_no
WHERE NOT EXISTS (SELECT 1 FROM workers x WHERE x.id = pg_temp.cid(w.id, k));

INSERT INTO devices (id, worker_id, token_hash, platform, created_at, last_seen_at, revoked_at)
SELECT pg_temp.cid(d.id, k), pg_temp.cid(d.worker_id, k), md5(d.token_hash || k), d.platform, d.created_at, d.last_seen_at, d.revoked_at
FROM devices d JOIN base_workers w ON w.id = d.worker_id CROSS JOIN copy_no;

INSERT INTO registrations (id, worker_id, address_text, lat, lon, status, policy_version, created_at)
SELECT pg_temp.cid(r.id, k), pg_temp.cid(r.worker_id, k), r.address_text, r.lat + pg_temp.shift(r.worker_id, k),
  r.lon + pg_temp.shift(r.worker_id, -k), r.status, r.policy_version, r.created_at
FROM worker_status s JOIN registrations r ON r.id = s.registration_id CROSS JOIN copy_no;

INSERT INTO lapses (id, worker_id, registration_id, kind, started_at, ended_at, detected_at, okrug, citizenship,
  last_fix_time, last_fix_lat, last_fix_lon, last_fix_accuracy, last_battery, last_charging, likely_cause,
  explanation_ru, explanation_en, caused_cancellation, policy_version, trigger, cause_facts)
SELECT pg_temp.cid(l.id, k), pg_temp.cid(l.worker_id, k), pg_temp.cid(l.registration_id, k), l.kind, l.started_at,
  l.ended_at, l.detected_at, l.okrug, l.citizenship, l.last_fix_time, l.last_fix_lat, l.last_fix_lon,
  l.last_fix_accuracy, l.last_battery, l.last_charging, l.likely_cause, l.explanation_ru, l.explanation_en,
  l.caused_cancellation, l.policy_version, l.trigger, l.cause_facts
FROM worker_status s JOIN lapses l ON l.id = s.open_lapse_id AND l.registration_id = s.registration_id CROSS JOIN copy_no;

INSERT INTO worker_status (worker_id, registration_id, status, citizenship, okrug, declared_lat, declared_lon,
  last_fix_time, last_lat, last_lon, last_accuracy, last_battery, last_charging, last_seen_at, open_lapse_id,
  open_lapse_kind, lapse_deadline, status_since, updated_at, open_lapse_started_at, open_lapse_silence, backlog_until)
SELECT pg_temp.cid(s.worker_id, k), pg_temp.cid(s.registration_id, k), s.status, s.citizenship, s.okrug,
  s.declared_lat + pg_temp.shift(s.worker_id, k), s.declared_lon + pg_temp.shift(s.worker_id, -k),
  s.last_fix_time, s.last_lat + pg_temp.shift(s.worker_id, k), s.last_lon + pg_temp.shift(s.worker_id, -k),
  s.last_accuracy, s.last_battery, s.last_charging, s.last_seen_at,
  CASE WHEN s.open_lapse_id IS NOT NULL AND EXISTS (SELECT 1 FROM lapses l WHERE l.id = s.open_lapse_id AND l.registration_id = s.registration_id)
    THEN pg_temp.cid(s.open_lapse_id, k) END,
  CASE WHEN s.open_lapse_id IS NOT NULL AND EXISTS (SELECT 1 FROM lapses l WHERE l.id = s.open_lapse_id AND l.registration_id = s.registration_id)
    THEN s.open_lapse_kind END,
  s.lapse_deadline, s.status_since, s.updated_at, s.open_lapse_started_at, s.open_lapse_silence, s.backlog_until
FROM worker_status s CROSS JOIN copy_no;

CREATE INDEX workers_name_skeleton_trgm_idx ON workers USING gin (name_skeleton gin_trgm_ops);
CREATE INDEX workers_phone_key_trgm_idx ON workers USING gin (phone_key gin_trgm_ops);
ANALYZE;
SELECT (SELECT count(*) FROM workers) AS workers, (SELECT count(*) FROM worker_status) AS statuses,
  (SELECT count(*) FROM map_cell_deltas) AS pending_deltas;
