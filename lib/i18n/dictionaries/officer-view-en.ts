// English strings for the map layout and the API reference page (same keys as officer-view-ru.ts).
import type { officerViewRu } from './officer-view-ru';

export const officerViewEn: typeof officerViewRu = {
  map: {
    badge: 'Number on a group’s rim: open lapses in that group',
  },
};
