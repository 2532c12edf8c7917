-- Reads that show many workers at once (lists, exports, map points) name every worker they showed,
-- so "who saw worker X" finds them. The table stays append-only (the trigger from 0001 still refuses
-- UPDATE and DELETE); existing rows keep worker_ids NULL.
ALTER TABLE audit_log ADD COLUMN IF NOT EXISTS worker_ids uuid[];
CREATE INDEX IF NOT EXISTS audit_log_worker_ids_idx ON audit_log USING gin (worker_ids);
