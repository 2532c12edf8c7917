-- The lapse engine keeps the open lapse's start next to its deadline so the sweep needs no join.
ALTER TABLE worker_status ADD COLUMN open_lapse_started_at timestamptz;
ALTER TABLE worker_status ADD COLUMN open_lapse_silence boolean NOT NULL DEFAULT false;
