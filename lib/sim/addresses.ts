// Plausible declared-address text for a point in a district. Street lists are data per region
// pack (lib/sim/packs/<pack>.json); a pack without one gets generic street names.
import moscow from './packs/moscow.json';
import type { Rng } from './rng';

interface StreetBook {
  streets: Record<string, string[]>;
  fallback: string[];
}

const BOOKS: Record<string, StreetBook> = { moscow };

export function formatAddress(rng: Rng, packId: string, districtId: string): string {
  const book = BOOKS[packId];
  const fallback = book?.fallback ?? ['ул. Центральная', 'ул. Садовая', 'ул. Школьная'];
  const street = rng.pick(book?.streets[districtId] ?? fallback);
  const house = rng.int(1, street.includes('просп.') || street.includes('ш.') ? 160 : 60);
  const flat = rng.int(1, 280);
  if (street.includes('{k}')) return `${street.replace('{k}', String(rng.int(100, 2040)))}, кв. ${flat}`;
  if (street.includes('{h}')) return `${street.replace('{h}', String(house))}, кв. ${flat}`;
  const building = rng.chance(0.25) ? `, корп. ${rng.int(1, 4)}` : '';
  return `${street}, д. ${house}${building}, кв. ${flat}`;
}
