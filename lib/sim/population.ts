// The synthetic population: worker i is a pure function of (seed, i) and the region pack, so the
// seeder, the live simulator and the tests all meet the same people.
import { createHash } from 'node:crypto';
import { type RegionPack, listDistrictWeights, randomPointInDistrict } from '@/lib/domain/region';
import { CITIZENSHIPS, type Citizenship } from '@/lib/domain/types';
import { formatAddress } from './addresses';
import { buildEmployerPool, type EmployerPool, pickSector, type Sector } from './employers';
import {
  generateBirthDate,
  generateDocumentNumber,
  generatePhone,
  pickPhoneModel,
  type PhoneModel,
} from './identity';
import { FEMALE_SHARE, generateName, type Sex } from './names';
import {
  buildWeightedTable,
  createRng,
  generateUuid,
  pickWeighted,
  type Rng,
  type WeightedTable,
} from './rng';
import { buildTransitNetwork, planCommute, type Route, type TransitNetwork } from './transit';

export interface SimContext {
  pack: RegionPack;
  seed: number;
  /** Birth dates and registration ages are relative to this instant. */
  now: Date;
  employers: EmployerPool;
  network: TransitNetwork;
  citizenships: WeightedTable<Citizenship>;
  districts: WeightedTable<string>;
}

export function createSimContext(pack: RegionPack, seed: number, now: Date): SimContext {
  const weights = Object.entries(pack.citizenshipWeights).filter((e): e is [Citizenship, number] =>
    (CITIZENSHIPS as readonly string[]).includes(e[0]),
  );
  return {
    pack,
    seed,
    now,
    employers: buildEmployerPool(pack, seed),
    network: buildTransitNetwork(pack),
    citizenships: buildWeightedTable(weights.length ? weights : CITIZENSHIPS.map((c) => [c, 1] as const)),
    districts: buildWeightedTable(Object.entries(listDistrictWeights(pack))),
  };
}

export type Schedule = 'six-day' | 'five-day' | 'two-two' | 'night';

export interface Habits {
  schedule: Schedule;
  shiftPhase: number;
  wakeMin: number;
  workStartMin: number;
  workMinutes: number;
  courier: boolean;
  chargesAtWork: boolean;
  plugDelayMin: number;
  /** Probability per night of switching the phone off / to airplane mode. */
  nightOff: number;
  nightAirplane: number;
  /** Flat where GPS barely reaches: fixes at home are often too coarse to count. */
  poorHomeGps: boolean;
  /** Days between the first declaration and the start of the history (negative: enrolls during it). */
  registeredDaysBefore: number;
  neverDeclares: boolean;
}

export interface Place {
  lat: number;
  lon: number;
  districtId: string;
}

/** A worker without the commute routes: who they are, where they live and work, their habits. */
export interface SimPerson {
  index: number;
  workerId: string;
  deviceId: string;
  token: string;
  tokenHash: string;
  citizenship: Citizenship;
  sex: Sex;
  nameLatin: string;
  nameCyrillic: string;
  documentNumber: string;
  birthDate: string;
  phone: string;
  employer: string;
  sector: Sector;
  home: Place & { addressText: string };
  work: Place;
  device: PhoneModel & { appVersion: string };
  habits: Habits;
}

export interface SimWorker extends SimPerson {
  toWork: Route;
  toHome: Route;
}

/** The device token the seed stores for worker i (as a hash) and the simulator presents. */
export function deriveDeviceToken(seed: number, index: number): string {
  return createHash('sha256').update(`sim:${seed}:${index}`).digest('base64url');
}

/** A version-4-shaped UUID from SHA-256 of (seed, label, parts): unique however many are made. */
export function deriveUniqueId(seed: number, label: string, ...parts: number[]): string {
  const h = createHash('sha256')
    .update(`${seed}:${label}:${parts.join(':')}`)
    .digest('hex');
  const variant = ((parseInt(h[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

function pickSchedule(rng: Rng, sector: Sector): Schedule {
  const nightShare = sector === 'retail' || sector === 'services' || sector === 'cleaning' ? 0.08 : 0.02;
  const r = rng.next();
  if (r < nightShare) return 'night';
  if (r < nightShare + 0.12) return 'two-two';
  return rng.chance(0.6) ? 'six-day' : 'five-day';
}

function generateHabits(rng: Rng, sector: Sector): Habits {
  const schedule = pickSchedule(rng, sector);
  const night = schedule === 'night';
  const registeredDaysBefore = rng.chance(0.03) ? -rng.range(0, 7) : rng.range(0.5, 45);
  return {
    schedule,
    shiftPhase: rng.int(0, 3),
    wakeMin: night ? 14 * 60 + rng.int(0, 60) : 5 * 60 + 20 + rng.int(0, 90),
    workStartMin: night ? 20 * 60 : 7 * 60 + 30 + 15 * rng.int(0, 6),
    workMinutes: night ? 12 * 60 : (sector === 'cleaning' ? 8.5 : 10) * 60 + 15 * rng.int(0, 6),
    courier: sector === 'transport' && rng.chance(0.6),
    chargesAtWork: rng.chance(0.35),
    plugDelayMin: rng.int(0, 120),
    nightOff: rng.chance(0.03) ? rng.range(0.2, 0.6) : 0,
    nightAirplane: rng.chance(0.015) ? rng.range(0.2, 0.6) : 0,
    poorHomeGps: rng.chance(0.03),
    registeredDaysBefore,
    neverDeclares: rng.chance(0.004),
  };
}

// Routing the commute is most of the cost of a worker, and draws nothing from the random stream:
// the identity alone is the same person, cheap enough for a million-worker seed.
export function generatePerson(ctx: SimContext, index: number): SimPerson {
  const rng = createRng(ctx.seed, 'worker', index);
  const citizenship = pickWeighted(rng, ctx.citizenships);
  const sex: Sex = rng.chance(FEMALE_SHARE[citizenship]) ? 'female' : 'male';
  const name = generateName(rng, citizenship, sex);
  const sector = pickSector(rng, sex);
  const employer = pickWeighted(rng, ctx.employers.bySector[sector]);
  const homeDistrict = pickWeighted(rng, ctx.districts);
  const homePoint = randomPointInDistrict(ctx.pack, homeDistrict, rng.next);
  const home = {
    ...homePoint,
    districtId: homeDistrict,
    addressText: formatAddress(rng, ctx.pack.id, homeDistrict),
  };
  // Cleaners mostly work for the housing office of their own neighbourhood.
  const site = rng.pick(employer.sites);
  const work: Place =
    sector === 'cleaning' && rng.chance(0.6)
      ? { ...randomPointInDistrict(ctx.pack, homeDistrict, rng.next), districtId: homeDistrict }
      : {
          lat: site.lat + rng.normal() * 0.0008,
          lon: site.lon + rng.normal() * 0.0012,
          districtId: site.districtId,
        };
  const token = deriveDeviceToken(ctx.seed, index);
  // The random stream is seeded from a 32-bit hash, so at a million workers some streams repeat:
  // ids come from a wide hash of (seed, index) instead. The stream still advances by two ids so
  // every later draw (documents, habits) stays as it was.
  generateUuid(rng);
  generateUuid(rng);
  return {
    index,
    workerId: deriveUniqueId(ctx.seed, 'worker', index),
    deviceId: deriveUniqueId(ctx.seed, 'device', index),
    token,
    tokenHash: hashToken(token),
    citizenship,
    sex,
    nameLatin: name.latin,
    nameCyrillic: name.cyrillic,
    documentNumber: generateDocumentNumber(rng, citizenship, index),
    birthDate: generateBirthDate(rng, ctx.now),
    phone: generatePhone(rng, index),
    employer: employer.name,
    sector,
    home,
    work,
    device: { ...pickPhoneModel(rng), appVersion: rng.pick(['1.4.2', '1.5.0', '1.5.1', '1.6.0']) },
    habits: generateHabits(rng, sector),
  };
}

export function generateWorker(ctx: SimContext, index: number): SimWorker {
  const person = generatePerson(ctx, index);
  return {
    ...person,
    toWork: planCommute(ctx.network, person.home, person.work),
    toHome: planCommute(ctx.network, person.work, person.home),
  };
}
