-- The open-lapse layer pre-aggregated in map_cells beside the address layer: rows with kind = ''
-- count declared addresses (as before); rows with a lapse kind count workers with an open lapse of
-- that kind at their last known position. The same deltas, fold and full build keep both in step,
-- so a city-wide lapse view sums cells instead of grouping every worker with an open lapse.
ALTER TABLE map_cells ADD COLUMN kind text NOT NULL DEFAULT '';
ALTER TABLE map_cell_deltas ADD COLUMN kind text NOT NULL DEFAULT '';
DROP INDEX map_cells_key_uq;
CREATE UNIQUE INDEX map_cells_key_uq ON map_cells (zoom, cx, cy, okrug, citizenship, kind);

CREATE OR REPLACE FUNCTION map_cells_track_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO map_cell_deltas (lon, lat, okrug, citizenship, status, sign, kind)
    SELECT * FROM (VALUES
      (OLD.declared_lon, OLD.declared_lat, COALESCE(OLD.okrug, ''), OLD.citizenship, OLD.status, -1::smallint, ''),
      (NEW.declared_lon, NEW.declared_lat, COALESCE(NEW.okrug, ''), NEW.citizenship, NEW.status, 1::smallint, ''),
      (OLD.last_lon, OLD.last_lat, COALESCE(OLD.okrug, ''), OLD.citizenship,
        CASE WHEN OLD.open_lapse_id IS NULL OR OLD.open_lapse_kind IS NULL THEN 'none' ELSE OLD.status END, -1::smallint, COALESCE(OLD.open_lapse_kind, '')),
      (NEW.last_lon, NEW.last_lat, COALESCE(NEW.okrug, ''), NEW.citizenship,
        CASE WHEN NEW.open_lapse_id IS NULL OR NEW.open_lapse_kind IS NULL THEN 'none' ELSE NEW.status END, 1::smallint, COALESCE(NEW.open_lapse_kind, ''))
    ) v (lon, lat, okrug, citizenship, status, sign, kind)
    WHERE v.status <> 'none' AND v.lon IS NOT NULL AND v.lat IS NOT NULL;
  RETURN NULL;
END $$;
DROP TRIGGER worker_status_map_cells_update ON worker_status;
-- A new fix of a worker without an open lapse still costs only the WHEN test.
CREATE TRIGGER worker_status_map_cells_update AFTER UPDATE ON worker_status FOR EACH ROW
  WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.okrug IS DISTINCT FROM NEW.okrug
    OR OLD.citizenship IS DISTINCT FROM NEW.citizenship OR OLD.declared_lon IS DISTINCT FROM NEW.declared_lon
    OR OLD.declared_lat IS DISTINCT FROM NEW.declared_lat
    OR OLD.open_lapse_id IS DISTINCT FROM NEW.open_lapse_id OR OLD.open_lapse_kind IS DISTINCT FROM NEW.open_lapse_kind
    OR (NEW.open_lapse_id IS NOT NULL
      AND (OLD.last_lon IS DISTINCT FROM NEW.last_lon OR OLD.last_lat IS DISTINCT FROM NEW.last_lat)))
  EXECUTE FUNCTION map_cells_track_update();

CREATE OR REPLACE FUNCTION map_cells_track_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO map_cell_deltas (lon, lat, okrug, citizenship, status, sign, kind)
    SELECT declared_lon, declared_lat, COALESCE(okrug, ''), citizenship, status, 1, '' FROM new_rows
    WHERE status <> 'none' AND declared_lon IS NOT NULL AND declared_lat IS NOT NULL
    UNION ALL
    SELECT last_lon, last_lat, COALESCE(okrug, ''), citizenship, status, 1, open_lapse_kind FROM new_rows
    WHERE open_lapse_id IS NOT NULL AND open_lapse_kind IS NOT NULL AND status <> 'none'
      AND last_lon IS NOT NULL AND last_lat IS NOT NULL;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION map_cells_track_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO map_cell_deltas (lon, lat, okrug, citizenship, status, sign, kind)
    SELECT declared_lon, declared_lat, COALESCE(okrug, ''), citizenship, status, -1, '' FROM old_rows
    WHERE status <> 'none' AND declared_lon IS NOT NULL AND declared_lat IS NOT NULL
    UNION ALL
    SELECT last_lon, last_lat, COALESCE(okrug, ''), citizenship, status, -1, open_lapse_kind FROM old_rows
    WHERE open_lapse_id IS NOT NULL AND open_lapse_kind IS NOT NULL AND status <> 'none'
      AND last_lon IS NOT NULL AND last_lat IS NOT NULL;
  RETURN NULL;
END $$;

-- Cells of the old shape are rebuilt on the next refresh: no recorded full build means due.
UPDATE job_runs SET detail = detail - 'fullAt' WHERE name = 'map_cells';
