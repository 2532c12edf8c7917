-- Declared addresses pre-aggregated per map grid cell, zoom, okrug and citizenship, so a city-wide
-- cluster view sums a few thousand rows instead of grouping a million workers on every pan.
CREATE TABLE map_cells (
  zoom smallint NOT NULL,
  cx integer NOT NULL,
  cy integer NOT NULL,
  okrug text NOT NULL,
  citizenship text NOT NULL,
  n_pending integer NOT NULL,
  n_active integer NOT NULL,
  n_interrupted integer NOT NULL,
  n_cancelled integer NOT NULL,
  n_ended integer NOT NULL,
  sum_lon double precision NOT NULL,
  sum_lat double precision NOT NULL,
  min_lon double precision NOT NULL,
  min_lat double precision NOT NULL,
  max_lon double precision NOT NULL,
  max_lat double precision NOT NULL
);
CREATE INDEX map_cells_cell_idx ON map_cells (zoom, cx, cy);
-- The open-lapse layer reads only workers with an open lapse, a small share of the population.
CREATE INDEX worker_status_open_lapse_idx ON worker_status (last_lon, last_lat) WHERE open_lapse_id IS NOT NULL;
