// Documents, phones, birth dates and phones' hardware for synthetic workers. Document and phone
// numbers are a bijection of the worker index, so they never collide however many are generated.
import type { Citizenship } from '@/lib/domain/types';
import type { Rng } from './rng';

interface DocumentFormat {
  prefixes: readonly string[];
  digits: number;
}

// Shapes of the passports / ID cards most often presented (series letters + number).
const DOCUMENT_FORMATS: Record<Citizenship, DocumentFormat> = {
  UZ: { prefixes: ['AA', 'AB', 'AC', 'FA', 'FB'], digits: 7 },
  TJ: { prefixes: ['4', '5'], digits: 8 },
  KG: { prefixes: ['AC', 'AN', 'ID'], digits: 7 },
  KZ: { prefixes: ['N'], digits: 8 },
  GE: { prefixes: [''], digits: 7 },
  AZ: { prefixes: ['C'], digits: 8 },
  MD: { prefixes: ['AB', 'BA'], digits: 7 },
  AM: { prefixes: ['AM', 'AT', 'AU'], digits: 7 },
  UA: { prefixes: ['00'], digits: 7 },
};

// Multiplying by a number coprime to 10^k is a permutation of 0..10^k-1: unique, but not sequential.
function permute(index: number, digits: number, salt: number): number {
  const mod = 10 ** digits;
  return Number((BigInt(index) * 7_919_113n + BigInt(salt)) % BigInt(mod));
}

export function generateDocumentNumber(rng: Rng, citizenship: Citizenship, index: number): string {
  const format = DOCUMENT_FORMATS[citizenship];
  const number = permute(index, format.digits, 3_816_529).toString().padStart(format.digits, '0');
  const prefix = rng.pick(format.prefixes);
  // Georgian passports put two letters after the first two digits.
  if (citizenship === 'GE')
    return `${number.slice(0, 2)}${rng.pick(['AA', 'AB', 'AC', 'AD'])}${number.slice(2)}`;
  return `${prefix}${number}`;
}

const MOBILE_CODES = [
  '901', '903', '905', '906', '909', '910', '915', '916', '917', '925', '926', '929', '936', '958',
  '962', '963', '964', '965', '966', '967', '968', '977', '985', '995', '999',
]; // prettier-ignore

/** A Russian mobile number (+7 9xx …): most workers buy a local SIM on arrival. */
export function generatePhone(rng: Rng, index: number): string {
  const code = rng.pick(MOBILE_CODES);
  return `+7${code}${permute(index, 7, 4_242_421).toString().padStart(7, '0')}`;
}

/** Birth date making the worker 18 to 60 on `today`, weighted towards the late twenties. */
export function generateBirthDate(rng: Rng, today: Date): string {
  const age = 18 + Math.floor(Math.pow(rng.next(), 1.7) * 43);
  const anniversary = new Date(today.getTime());
  anniversary.setUTCFullYear(today.getUTCFullYear() - age);
  // 1..360 days before the anniversary: the worker is exactly `age` today.
  return new Date(anniversary.getTime() - rng.int(1, 360) * 86_400_000).toISOString().slice(0, 10);
}

export interface PhoneModel {
  platform: 'android' | 'ios';
  model: string;
  /** Battery drain per hour in daily use, percent; older, cheaper phones drain faster. */
  drainPerHour: number;
}

const PHONES: readonly (readonly [string, 'android' | 'ios', number, number])[] = [
  ['Samsung Galaxy A15', 'android', 3.4, 18],
  ['Samsung Galaxy A05s', 'android', 3.6, 12],
  ['Xiaomi Redmi 13C', 'android', 3.6, 20],
  ['Xiaomi Redmi Note 12', 'android', 3.2, 14],
  ['Tecno Spark 20', 'android', 3.9, 10],
  ['Infinix Hot 40', 'android', 3.9, 7],
  ['Realme C55', 'android', 3.4, 6],
  ['Honor X7b', 'android', 3.2, 5],
  ['Samsung Galaxy A32', 'android', 4.6, 4],
  ['iPhone 11', 'ios', 4.2, 3],
  ['iPhone 13', 'ios', 3.3, 1],
];

export function pickPhoneModel(rng: Rng): PhoneModel {
  const total = PHONES.reduce((s, p) => s + p[3], 0);
  let r = rng.next() * total;
  for (const [model, platform, drain, weight] of PHONES) {
    r -= weight;
    if (r < 0) return { model, platform, drainPerHour: drain * rng.range(0.85, 1.3) };
  }
  return { model: 'Samsung Galaxy A15', platform: 'android', drainPerHour: 5.5 };
}
