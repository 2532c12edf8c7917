// Whether a second enrolment for a known (citizenship, document) is the same person. Pure, so the
// rule is unit-tested on its own; the caller never echoes the stored values back to the phone.
import 'server-only';

export interface IdentityRecord {
  fullNameLatin: string;
  birthDate: string;
  phone: string;
}

/** The name as it is compared: Latin form, Unicode-normalised, case, spacing and apostrophes folded. */
export function normaliseNameForMatch(latinName: string): string {
  return latinName
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[’ʼ`]/g, "'")
    .replace(/\s*-\s*/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/** YYYY-MM-DD of a date column, whether the driver gives a string or a Date. */
export function toDateKey(value: string | Date): string {
  return value instanceof Date ? value.toISOString().slice(0, 10) : value.slice(0, 10);
}

/** The identity fields that differ (names only; never the values). Empty when every field matches. */
export function findIdentityMismatches(stored: IdentityRecord, given: IdentityRecord): string[] {
  const out: string[] = [];
  if (normaliseNameForMatch(stored.fullNameLatin) !== normaliseNameForMatch(given.fullNameLatin)) {
    out.push('worker.fullName');
  }
  if (toDateKey(stored.birthDate) !== toDateKey(given.birthDate)) out.push('worker.birthDate');
  if (stored.phone.replace(/[^\d+]/g, '') !== given.phone.replace(/[^\d+]/g, '')) out.push('worker.phone');
  return out;
}

/** The 409 detail: says what must match and what to do, without saying which field was wrong. */
export const IDENTITY_MISMATCH_DETAIL =
  'A worker with this citizenship and document number is already enrolled, and the full name, birth ' +
  'date and phone number given do not all match that enrolment. Enter them exactly as when the ' +
  'worker first enrolled; if any of them has changed, the worker must have the record corrected at ' +
  'the migration office before a new phone can be enrolled.';
