// The worker's places and movement trace on the real map (worker file and trace dialog).
import type { placeMapRu } from './place-map-ru';

export const placeMapEn: typeof placeMapRu = {
  regionLabel: 'Map: declared address and lapse places',
  traceLabel: 'Movement trace map',
  placesCaption:
    'The declared address (blue circle) above the lapse places (triangles). The exact address is in the card above.',
  traceCaption:
    'The trace by fixes: the line changes colour with time, dots mark the start of each hour. Exact data in the table.',
  start: 'Start {time}',
  end: 'End {time}',
  earlier: 'Earlier',
  later: 'Later',
  timeScale: 'Fix times: from {from} to {to}',
  hourTick: 'Start of an hour',
  address: 'Declared address',
  lapse: 'Lapse place (last fix)',
};
