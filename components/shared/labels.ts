// Words for codes that arrive as plain strings from the API (citizenship, status, event type).
import { CITIZENSHIPS, type Citizenship, type WorkerStatusValue } from '@/lib/domain/types';
import type { Dictionary } from '@/lib/i18n';
import type { Option } from './filter-controls';

function isCitizenship(code: string): code is Citizenship {
  return (CITIZENSHIPS as readonly string[]).includes(code);
}

export function citizenshipLabel(t: Dictionary, code: string): string {
  return isCitizenship(code) ? t.citizenship[code] : code;
}

const STATUSES: readonly WorkerStatusValue[] = [
  'pending',
  'active',
  'interrupted',
  'cancelled',
  'ended',
  'none',
];
export function isWorkerStatus(code: string | null | undefined): code is WorkerStatusValue {
  return STATUSES.some((s) => s === code);
}

export function statusLabel(t: Dictionary, code: string | null): string {
  if (!code) return t.common.dash;
  return isWorkerStatus(code) ? t.status[code] : code;
}

function hasKey<T extends object>(record: T, key: PropertyKey): key is keyof T {
  return Object.prototype.hasOwnProperty.call(record, key);
}

/** A sector code ("construction") in words; an unknown code shows as it came. */
export function sectorLabel(t: Dictionary, code: string): string {
  return hasKey(t.sector, code) ? t.sector[code] : code;
}

/**
 * Values that the database writes in English on its own (the migration's default policy row, the
 * "system" actor) in the interface language; anything an officer typed shows as typed.
 */
export function systemValueLabel(t: Dictionary, value: string): string {
  if (value === 'system') return t.systemValues.system;
  if (value === 'Published rule: the first lapse cancels the registration.') {
    return t.systemValues.defaultPolicyNote;
  }
  return value;
}

/** Words for a registration event type, or null for a type this version does not know. */
export function eventTypeLabel(t: Dictionary, type: string): string | null {
  const types = t.pages.worker.eventTypes;
  return hasKey(types, type) ? types[type] : null;
}

export function auditActionLabel(t: Dictionary, action: string): string {
  const actions = t.pages.audit.actions;
  return hasKey(actions, action) ? actions[action] : action;
}

export function citizenshipOptions(t: Dictionary): Option[] {
  return CITIZENSHIPS.map((c) => ({ value: c, label: t.citizenship[c] })).sort((a, b) =>
    a.label.localeCompare(b.label),
  );
}
