import { describe, expect, it } from 'vitest';
import { formatBbox } from '@/lib/ui/map-url';
import { predictViewport } from './initial-viewport';

// Leaflet 1.9's own getBounds() for these views, taken in Chromium (L.map(div).setView(...)), so
// the prediction is checked against the library rather than against a second copy of its maths.
const LEAFLET: Array<[number, number, number, number, number, [number, number, number, number]]> = [
  [
    55.75,
    37.6175,
    10,
    1116,
    828,
    [36.85089111328126, 55.42901345240742, 38.38348388671875, 56.06896933950703],
  ],
  [
    55.7558,
    37.6173,
    10,
    1440,
    900,
    [36.62841796875001, 55.40640896102679, 38.60595703125, 56.10191748129532],
  ],
  [
    55.75,
    37.62,
    11,
    801,
    603,
    [37.34527587890626, 55.633422750940376, 37.89527893066406, 55.866450104840006],
  ],
  [
    59.93,
    30.31,
    9,
    1023,
    777,
    [28.905029296875004, 59.390576964771505, 31.714782714843754, 60.45992621736877],
  ],
  [55, 82.9, 12, 640, 480, [82.79022216796875, 54.952779999671684, 83.00994873046876, 55.04730233225678]],
  [
    55.751244,
    37.618423,
    13,
    1195,
    713,
    [37.51590728759766, 55.71676518024585, 37.72104263305665, 55.78564729075878],
  ],
];

describe('predictViewport', () => {
  it.each(LEAFLET)(
    'matches Leaflet at %f,%f zoom %i in %ix%i',
    (lat, lon, zoom, w, h, [west, south, east, north]) => {
      expect(predictViewport({ lat, lon, zoom }, w, h)).toEqual({
        bbox: formatBbox(west, south, east, north),
        zoom,
      });
    },
  );

  it('rounds a fractional zoom the way the map reports it', () => {
    expect(predictViewport({ lat: 55.75, lon: 37.62, zoom: 10.4 }, 800, 600).zoom).toBe(10);
  });
});
