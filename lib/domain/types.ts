// Shared vocabulary of the domain (DESIGN.md section 3). Pure: no I/O anywhere under lib/domain.

export const CITIZENSHIPS = ['GE', 'KZ', 'UZ', 'AZ', 'MD', 'AM', 'KG', 'TJ', 'UA'] as const;
export type Citizenship = (typeof CITIZENSHIPS)[number];

export const REGISTRATION_STATUSES = ['pending', 'active', 'interrupted', 'cancelled', 'ended'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];
// `none`: a worker enrolled a device but has not declared an address yet.
export type WorkerStatusValue = RegistrationStatus | 'none';

export const LAPSE_KINDS = [
  'signal_lost',
  'location_disabled',
  'device_off',
  'mock_location',
  'left_region',
] as const;
export type LapseKind = (typeof LAPSE_KINDS)[number];

export const LIKELY_CAUSES = [
  'battery_depleted',
  'device_shutdown',
  'location_disabled',
  'underground',
  'signal_lost',
  'mock_location',
  'left_region',
  'unknown',
] as const;
export type LikelyCause = (typeof LIKELY_CAUSES)[number];

export const DEVICE_EVENT_TYPES = [
  'location_disabled',
  'location_enabled',
  'shutdown',
  'boot',
  'low_battery',
  'airplane_on',
  'airplane_off',
] as const;
export type DeviceEventType = (typeof DEVICE_EVENT_TYPES)[number];

export const REVIEW_DECISIONS = ['technical', 'violation', 'excused'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

export const OFFICER_ROLES = ['officer', 'supervisor', 'auditor', 'admin'] as const;
export type OfficerRole = (typeof OFFICER_ROLES)[number];

export interface Policy {
  version: number;
  heartbeatSeconds: number;
  lapseAfterSeconds: number;
  graceSeconds: number;
  lowBatteryPercent: number;
  minAccuracyMeters: number;
  retentionDays: number;
  /** Named rule set ('strict', '121-FZ' or 'custom'); absent means strict. */
  preset?: PolicyPreset;
  /** 'calendar': cancel graceSeconds after the lapse; 'working_days': N working days after the last fix. */
  cancelUnit?: CancelUnit;
  cancelAfterWorkingDays?: number;
  /** Seconds without data before the worker is reminded; null: no reminder. */
  reminderAfterSeconds?: number | null;
}

export const POLICY_PRESETS = ['strict', '121-FZ', 'custom'] as const;
export type PolicyPreset = (typeof POLICY_PRESETS)[number];
export const CANCEL_UNITS = ['calendar', 'working_days'] as const;
export type CancelUnit = (typeof CANCEL_UNITS)[number];

export const DEFAULT_POLICY: Policy = {
  version: 1,
  heartbeatSeconds: 300,
  lapseAfterSeconds: 900,
  graceSeconds: 0,
  lowBatteryPercent: 5,
  minAccuracyMeters: 200,
  retentionDays: 14,
};

/** One GPS fix as the server understands it, whatever protocol brought it. Speed in m/s. */
export interface Fix {
  time: Date;
  lat: number;
  lon: number;
  accuracy: number;
  speed?: number | null;
  heading?: number | null;
  altitude?: number | null;
  battery?: number | null;
  charging?: boolean | null;
  provider?: string | null;
  mock?: boolean | null;
}

export interface DeviceEvent {
  time: Date;
  type: DeviceEventType;
}
