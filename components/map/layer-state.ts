// What a data layer reports up to the page: loading, failure, and how much of the viewport it shows.
export interface LayerState {
  fetching: boolean;
  error: unknown;
  total: number | null;
  truncated: boolean;
  refetch: () => void;
}

export type DataLayer = 'addresses' | 'lapses' | 'heat';

export type BBox = [west: number, south: number, east: number, north: number];

export type CameraTarget =
  | { kind: 'bbox'; bbox: BBox; maxZoom?: number; seq: number }
  | { kind: 'point'; lat: number; lon: number; zoom?: number; seq: number };
