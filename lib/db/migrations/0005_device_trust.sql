-- Device trust (issue 6): a re-enrolled phone replaces the old one, worker-level events (such as a
-- device replacement) for the worker file, marks left by late data that voided a lapse, and a hold
-- on judging silence while a phone is still uploading its backlog. Runs on PGlite and PostgreSQL.
ALTER TABLE devices ADD COLUMN replaced_by uuid;

CREATE TABLE worker_events (
  id bigserial PRIMARY KEY,
  worker_id uuid NOT NULL REFERENCES workers(id),
  at timestamptz NOT NULL,
  type text NOT NULL,
  cause text NOT NULL,
  actor text NOT NULL,
  detail jsonb,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX worker_events_worker_idx ON worker_events (worker_id, at);

-- Set when fixes uploaded after the fact voided the lapse; detail says which device and how many.
ALTER TABLE lapses ADD COLUMN late_data_voided_at timestamptz;
ALTER TABLE lapses ADD COLUMN late_data_detail jsonb;
ALTER TABLE registrations ADD COLUMN restored_by_late_data_at timestamptz;

-- While now() < backlog_until the sweep leaves the worker alone: the phone said more fixes follow.
ALTER TABLE worker_status ADD COLUMN backlog_until timestamptz;
