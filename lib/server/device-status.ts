import 'server-only';
// What the phone shows its owner: the current registration, an open lapse, the last fix the server
// has, and one plain next step. It reads only the calling worker's own rows, and returns no more
// personal data than the phone needs (DESIGN.md 5): the declared address as text, never the home
// coordinates, the name, the document or the phone number.
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '@/lib/db/client';
import type { DeviceStatusResponse, NextStep } from '@/lib/api/device-schemas';

interface RegistrationRow {
  id: string;
  status: string;
  since: Date | string;
  address_text: string;
}

interface LapseRow {
  id: string;
  kind: string;
  started_at: Date | string;
  ended_at: Date | string | null;
  likely_cause: string;
  caused_cancellation: boolean;
}

interface StatusRow {
  last_fix_time: Date | string | null;
  lapse_deadline: Date | string | null;
}

const STEPS: Record<NextStep['code'], Omit<NextStep, 'code'>> = {
  declare_address: {
    messageRu: 'Укажите адрес проживания в приложении, чтобы начать регистрацию.',
    messageEn: 'Declare your residential address in the app to start your registration.',
  },
  wait_first_fix: {
    messageRu:
      'Адрес принят. Включите геолокацию: регистрация начнёт действовать после первой отметки в регионе.',
    messageEn:
      'Address received. Turn location on: the registration starts with the first fix inside the region.',
  },
  keep_tracking: {
    messageRu: 'Регистрация действует. Держите телефон включённым и заряженным, а геолокацию — включённой.',
    messageEn: 'Your registration is active. Keep the phone on and charged and location services enabled.',
  },
  restore_tracking: {
    messageRu:
      'Связь с телефоном прервана. Включите геолокацию и интернет, чтобы регистрация не была аннулирована.',
    messageEn:
      'Tracking is interrupted. Turn location and mobile data on before the registration is cancelled.',
  },
  declare_again: {
    messageRu:
      'Регистрация аннулирована после перерыва в отслеживании. Укажите адрес заново; перерыв может быть пересмотрен.',
    messageEn:
      'Your registration was cancelled after a tracking lapse. Declare your address again; the lapse can be reviewed.',
  },
  declare_on_return: {
    messageRu: 'Вы покинули регион, регистрация завершена. По возвращении укажите адрес заново.',
    messageEn: 'You left the region, so the registration ended. Declare your address again when you return.',
  },
};

const STEP_BY_STATUS: Record<string, NextStep['code']> = {
  pending: 'wait_first_fix',
  active: 'keep_tracking',
  interrupted: 'restore_tracking',
  cancelled: 'declare_again',
  ended: 'declare_on_return',
};

export function chooseNextStep(status: string | null): NextStep {
  const code = (status && STEP_BY_STATUS[status]) || 'declare_address';
  return { code, ...STEPS[code] };
}

function iso(value: Date | string | null): string | null {
  if (value === null) return null;
  return (value instanceof Date ? value : new Date(value)).toISOString();
}

export async function readDeviceStatus(db: Db, workerId: string): Promise<DeviceStatusResponse> {
  const [registration] = await queryRows<RegistrationRow>(
    db,
    sql`SELECT r.id, r.status, r.address_text,
               COALESCE((SELECT max(e.at) FROM registration_events e WHERE e.registration_id = r.id),
                        r.closed_at, r.activated_at, r.created_at) AS since
        FROM registrations r WHERE r.worker_id = ${workerId}
        ORDER BY r.created_at DESC LIMIT 1`,
  );
  // The newest lapse: open ones are shown as such, a closed one still explains a cancellation.
  const [last] = await queryRows<LapseRow>(
    db,
    sql`SELECT id, kind, started_at, ended_at, likely_cause, caused_cancellation FROM lapses
        WHERE worker_id = ${workerId} AND voided_at IS NULL
        ORDER BY (ended_at IS NULL) DESC, started_at DESC LIMIT 1`,
  );
  const lapse = last && last.ended_at === null ? last : undefined;
  const [status] = await queryRows<StatusRow>(
    db,
    sql`SELECT last_fix_time, lapse_deadline FROM worker_status WHERE worker_id = ${workerId}`,
  );
  return {
    workerId,
    registration: registration
      ? {
          id: registration.id,
          status: registration.status,
          since: iso(registration.since) ?? '',
          address: { text: registration.address_text },
        }
      : null,
    openLapse: lapse
      ? {
          id: lapse.id,
          kind: lapse.kind,
          startedAt: iso(lapse.started_at) ?? '',
          graceEndsAt: registration?.status === 'interrupted' ? iso(status?.lapse_deadline ?? null) : null,
        }
      : null,
    lastLapse: last
      ? {
          id: last.id,
          kind: last.kind,
          startedAt: iso(last.started_at) ?? '',
          endedAt: iso(last.ended_at),
          likelyCause: last.likely_cause,
          causedCancellation: Boolean(last.caused_cancellation),
        }
      : null,
    lastFixAt: iso(status?.last_fix_time ?? null),
    nextStep: chooseNextStep(registration?.status ?? null),
  };
}
