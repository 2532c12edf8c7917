-- The heat layer pre-aggregated like map_cells: lapses counted per local day (the region's zone,
-- computed when folded), heat grid cell, zoom and okrug (plus, at city zooms, a row over all okrugs,
-- okrug '*'), with one count per lapse kind and per citizenship, so a week's view sums a few
-- thousand rows instead of grouping every lapse.
CREATE TABLE heat_cells (
  day date NOT NULL,
  zoom smallint NOT NULL,
  cx integer NOT NULL,
  cy integer NOT NULL,
  okrug text NOT NULL,
  n integer NOT NULL,
  n_signal_lost integer NOT NULL,
  n_location_disabled integer NOT NULL,
  n_device_off integer NOT NULL,
  n_mock_location integer NOT NULL,
  n_left_region integer NOT NULL,
  n_ge integer NOT NULL,
  n_kz integer NOT NULL,
  n_uz integer NOT NULL,
  n_az integer NOT NULL,
  n_md integer NOT NULL,
  n_am integer NOT NULL,
  n_kg integer NOT NULL,
  n_tj integer NOT NULL,
  n_ua integer NOT NULL,
  sum_lon double precision NOT NULL,
  sum_lat double precision NOT NULL
) WITH (fillfactor = 80);
-- Room on each page lets a fold update a cell in place (HOT), so rows stay in the index order the
-- full build wrote them in.
-- Column by column first: a viewport is read as `cx = ANY(its columns) AND cy BETWEEN …`, so the
-- index visits only the viewport's cells, each with its few days.
CREATE UNIQUE INDEX heat_cells_key_uq ON heat_cells (zoom, cx, cy, day, okrug);
CREATE INDEX heat_cells_empty_idx ON heat_cells (zoom) WHERE n <= 0;

-- Signed changes to fold into heat_cells (lib/server/heat-cells.ts). The day is not computed here:
-- the region's time zone lives in the region pack, which the fold reads.
CREATE TABLE heat_cell_deltas (
  started_at timestamptz NOT NULL,
  lon double precision NOT NULL,
  lat double precision NOT NULL,
  okrug text NOT NULL,
  kind text NOT NULL,
  citizenship text NOT NULL,
  sign smallint NOT NULL
);

-- Street views (above the pre-aggregated zooms) stay live: this finds the lapses inside the viewport
-- instead of scanning every lapse of the window. A B-tree: a GiST on the point found them with fewer
-- reads but tripled the cost of the sweep's 10,000-lapse insert (1 s more at 1M workers).
CREATE INDEX lapses_fix_position_idx ON lapses (last_fix_lon, last_fix_lat) WHERE voided_at IS NULL;

-- Set-based for inserts and deletes: the sweep opens thousands of lapses in one statement.
CREATE FUNCTION heat_cells_track_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO heat_cell_deltas
    SELECT started_at, last_fix_lon, last_fix_lat, COALESCE(okrug, ''), kind, citizenship, 1 FROM new_rows
    WHERE voided_at IS NULL AND last_fix_lon IS NOT NULL AND last_fix_lat IS NOT NULL;
  RETURN NULL;
END $$;
CREATE TRIGGER lapses_heat_cells_insert AFTER INSERT ON lapses
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION heat_cells_track_insert();

CREATE FUNCTION heat_cells_track_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO heat_cell_deltas
    SELECT started_at, last_fix_lon, last_fix_lat, COALESCE(okrug, ''), kind, citizenship, -1 FROM old_rows
    WHERE voided_at IS NULL AND last_fix_lon IS NOT NULL AND last_fix_lat IS NOT NULL;
  RETURN NULL;
END $$;
CREATE TRIGGER lapses_heat_cells_delete AFTER DELETE ON lapses
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION heat_cells_track_delete();

-- Row by row for updates, so the frequent ones that change nothing on the heat map (ending a lapse,
-- a review) cost only the WHEN test.
CREATE FUNCTION heat_cells_track_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO heat_cell_deltas
    SELECT v.started_at, v.lon, v.lat, v.okrug, v.kind, v.citizenship, v.sign FROM (VALUES
      (OLD.started_at, OLD.last_fix_lon, OLD.last_fix_lat, COALESCE(OLD.okrug, ''), OLD.kind, OLD.citizenship,
        OLD.voided_at IS NULL, -1::smallint),
      (NEW.started_at, NEW.last_fix_lon, NEW.last_fix_lat, COALESCE(NEW.okrug, ''), NEW.kind, NEW.citizenship,
        NEW.voided_at IS NULL, 1::smallint)
    ) v (started_at, lon, lat, okrug, kind, citizenship, live, sign)
    WHERE v.live AND v.lon IS NOT NULL AND v.lat IS NOT NULL;
  RETURN NULL;
END $$;
CREATE TRIGGER lapses_heat_cells_update AFTER UPDATE ON lapses FOR EACH ROW
  WHEN ((OLD.voided_at IS NULL) IS DISTINCT FROM (NEW.voided_at IS NULL)
    OR OLD.started_at IS DISTINCT FROM NEW.started_at OR OLD.last_fix_lon IS DISTINCT FROM NEW.last_fix_lon
    OR OLD.last_fix_lat IS DISTINCT FROM NEW.last_fix_lat OR OLD.okrug IS DISTINCT FROM NEW.okrug
    OR OLD.kind IS DISTINCT FROM NEW.kind OR OLD.citizenship IS DISTINCT FROM NEW.citizenship)
  EXECUTE FUNCTION heat_cells_track_update();
