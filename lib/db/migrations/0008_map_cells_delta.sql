-- map_cells kept in step with worker_status incrementally instead of rebuilt from scratch: every
-- change of a worker's status, okrug, citizenship or declared point appends a signed row here (one
-- for the old state, one for the new) in the same transaction, and lib/server/map-cells.ts folds
-- the rows into map_cells for every zoom. Appending never waits on a lock held by another writer.
CREATE TABLE map_cell_deltas (
  lon double precision NOT NULL,
  lat double precision NOT NULL,
  okrug text NOT NULL,
  citizenship text NOT NULL,
  status text NOT NULL,
  sign smallint NOT NULL
);
CREATE UNIQUE INDEX map_cells_key_uq ON map_cells (zoom, cx, cy, okrug, citizenship);
DROP INDEX map_cells_cell_idx;
-- Cells whose last worker left are deleted after each fold; this finds them without a scan.
CREATE INDEX map_cells_empty_idx ON map_cells (zoom)
  WHERE n_pending + n_active + n_interrupted + n_cancelled + n_ended <= 0;

-- Row by row for updates, so the frequent ones that touch nothing on the map (a new fix, last seen)
-- cost only the WHEN test below.
CREATE FUNCTION map_cells_track_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- One statement for the old and the new state: half the executor start-ups of two inserts.
  INSERT INTO map_cell_deltas
    SELECT * FROM (VALUES
      (OLD.declared_lon, OLD.declared_lat, COALESCE(OLD.okrug, ''), OLD.citizenship, OLD.status, -1::smallint),
      (NEW.declared_lon, NEW.declared_lat, COALESCE(NEW.okrug, ''), NEW.citizenship, NEW.status, 1::smallint)
    ) v (lon, lat, okrug, citizenship, status, sign)
    WHERE v.status <> 'none' AND v.lon IS NOT NULL AND v.lat IS NOT NULL;
  RETURN NULL;
END $$;
CREATE TRIGGER worker_status_map_cells_update AFTER UPDATE ON worker_status FOR EACH ROW
  WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.okrug IS DISTINCT FROM NEW.okrug
    OR OLD.citizenship IS DISTINCT FROM NEW.citizenship OR OLD.declared_lon IS DISTINCT FROM NEW.declared_lon
    OR OLD.declared_lat IS DISTINCT FROM NEW.declared_lat)
  EXECUTE FUNCTION map_cells_track_update();

-- Statement by statement for inserts and deletes, so a bulk load (COPY of a million rows) appends
-- its deltas in one set-based insert.
CREATE FUNCTION map_cells_track_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO map_cell_deltas
    SELECT declared_lon, declared_lat, COALESCE(okrug, ''), citizenship, status, 1 FROM new_rows
    WHERE status <> 'none' AND declared_lon IS NOT NULL AND declared_lat IS NOT NULL;
  RETURN NULL;
END $$;
CREATE TRIGGER worker_status_map_cells_insert AFTER INSERT ON worker_status
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION map_cells_track_insert();

CREATE FUNCTION map_cells_track_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO map_cell_deltas
    SELECT declared_lon, declared_lat, COALESCE(okrug, ''), citizenship, status, -1 FROM old_rows
    WHERE status <> 'none' AND declared_lon IS NOT NULL AND declared_lat IS NOT NULL;
  RETURN NULL;
END $$;
CREATE TRIGGER worker_status_map_cells_delete AFTER DELETE ON worker_status
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION map_cells_track_delete();
