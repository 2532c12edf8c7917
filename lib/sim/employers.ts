// Invented employers by sector. A company has one to three sites; its workers commute to them, so
// colleagues share a workplace as they would in life. Sites lean towards the centre of the region.
import { haversineMeters } from '@/lib/domain/geo';
import { type RegionPack, randomPointInDistrict } from '@/lib/domain/region';
import { buildWeightedTable, createRng, pickWeighted, type Rng, type WeightedTable } from './rng';

export const SECTORS = ['construction', 'retail', 'cleaning', 'transport', 'services'] as const;
export type Sector = (typeof SECTORS)[number];

// Shares among men and women; labour migrants in Moscow mostly build, sell, clean, drive and cook.
const SECTOR_SHARES: Record<'male' | 'female', Record<Sector, number>> = {
  male: { construction: 0.4, retail: 0.14, cleaning: 0.12, transport: 0.2, services: 0.14 },
  female: { construction: 0.03, retail: 0.32, cleaning: 0.3, transport: 0.03, services: 0.32 },
};

const NAME_PARTS: Record<Sector, [string[], string[]]> = {
  construction: [
    ['Строй', 'Монолит', 'Гранит', 'Столица', 'Основа', 'Прогресс', 'Фундамент', 'Кварц', 'Бетон', 'Вектор'],
    ['Инвест', 'Групп', 'Монтаж', 'Проект', 'Сервис', 'Капитал', 'Холдинг', 'Девелопмент', 'Строй', 'Альянс'],
  ],
  retail: [
    ['Торг', 'Свежий', 'Городской', 'Продукты', 'Фермер', 'Гастро', 'Овощ', 'Семейный', 'Народный', 'Хлеб'],
    ['Маркет', 'Ряд', 'Двор', 'Лавка', 'Торг', 'Рынок', 'Базар', 'Плюс', 'Центр', 'Склад'],
  ],
  cleaning: [
    ['Чистый', 'Жил', 'Эко', 'Комфорт', 'Блеск', 'Уют', 'Порядок', 'Дом', 'Город', 'Профи'],
    [
      'Клининг',
      'Сервис',
      'Быт',
      'Управление',
      'Содержание',
      'Эксплуатация',
      'Уборка',
      'Стандарт',
      'Контроль',
      'Мастер',
    ],
  ],
  transport: [
    ['Экспресс', 'Быстро', 'Транс', 'Груз', 'Курьер', 'Авто', 'Магистраль', 'Пульс', 'Вездеход', 'Маршрут'],
    ['Логистик', 'Доставка', 'Перевозка', 'Сервис', 'Такси', 'Лайн', 'Экспедиция', 'Карго', 'Драйв', 'Путь'],
  ],
  services: [
    ['Вкус', 'Плов', 'Лаваш', 'Восток', 'Самса', 'Чайхана', 'Стиль', 'Мастер', 'Удача', 'Сервис'],
    ['Хаус', 'Бар', 'Кухня', 'Центр', 'Сити', 'Кафе', 'Клуб', 'Групп', 'Плюс', 'Дом'],
  ],
};

const FORMS = ['ООО', 'ООО', 'ООО', 'АО', 'ИП'];
const PERSON_SURNAMES = ['Алиев', 'Каримов', 'Смирнов', 'Петросян', 'Юсупов', 'Иванов', 'Саидов', 'Кузнецов'];

export interface Employer {
  name: string;
  sector: Sector;
  sites: { lat: number; lon: number; districtId: string }[];
}

export interface EmployerPool {
  bySector: Record<Sector, WeightedTable<Employer>>;
}

/** Jobs per district: population weight, multiplied up near the centre of the pack's map view. */
export function buildJobWeights(pack: RegionPack): [string, number][] {
  return pack.districts.map((d) => {
    const lat = (d.bbox[1] + d.bbox[3]) / 2;
    const lon = (d.bbox[0] + d.bbox[2]) / 2;
    const km = haversineMeters(lat, lon, pack.defaultView.lat, pack.defaultView.lon) / 1000;
    return [d.id, (d.weight || 1) * (1 + 6 * Math.exp(-km / 5))];
  });
}

function nameEmployer(rng: Rng, sector: Sector): string {
  const form = rng.pick(FORMS);
  if (form === 'ИП')
    return `ИП ${rng.pick(PERSON_SURNAMES)} ${rng.pick(['А.', 'Р.', 'Ш.', 'Б.', 'Д.'])}${rng.pick(['А.', 'Т.', 'К.', 'М.'])}`;
  const [heads, tails] = NAME_PARTS[sector];
  const head = rng.pick(heads);
  const tail = rng.pick(tails);
  const name = rng.chance(0.5) ? `${head}${tail.toLowerCase()}` : `${head}-${tail}`;
  return `${form} «${name}${rng.chance(0.2) ? '-М' : ''}»`;
}

export function buildEmployerPool(pack: RegionPack, seed: number | string, perSector = 60): EmployerPool {
  const rng = createRng(seed, 'employers');
  const jobs = buildWeightedTable(buildJobWeights(pack));
  const bySector = {} as Record<Sector, WeightedTable<Employer>>;
  for (const sector of SECTORS) {
    const entries: [Employer, number][] = [];
    for (let k = 0; k < perSector; k++) {
      const sites = Array.from({ length: rng.int(1, 3) }, () => {
        const districtId = pickWeighted(rng, jobs);
        return { ...randomPointInDistrict(pack, districtId, rng.next), districtId };
      });
      // A few large employers and many small ones (Zipf-like sizes).
      entries.push([{ name: nameEmployer(rng, sector), sector, sites }, 1 / (k + 1) ** 0.8]);
    }
    bySector[sector] = buildWeightedTable(entries);
  }
  return { bySector };
}

export function pickSector(rng: Rng, sex: 'male' | 'female'): Sector {
  const shares = SECTOR_SHARES[sex];
  let r = rng.next();
  for (const sector of SECTORS) {
    r -= shares[sector];
    if (r < 0) return sector;
  }
  return 'services';
}
