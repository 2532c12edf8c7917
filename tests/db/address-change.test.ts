// Address change on a live registration: it stays live, the change is an event with its time and the
// three-working-day deadline is checked on the production calendar.
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb, queryRows } from '@/lib/db/client';
import { migrate } from '@/lib/db/migrate';
import { changeAddress } from '@/lib/server/address-change';
import { enrollDevice } from '@/lib/server/enroll';
import { ingestPositions } from '@/lib/server/ingest';
import { HttpError } from '@/lib/server/problem';
import { declareAddress } from '@/lib/server/registration-service';

const RED_SQUARE = { lat: 55.7539, lon: 37.6208 };
const YUAO_HOME = { text: 'Москва, Варшавское ш., 87', lat: 55.6467, lon: 37.6206 };
const TULA = { text: 'Тула, ул. Ленина, 1', lat: 54.1931, lon: 37.6173 };
const NOW = new Date('2025-06-17T09:00:00Z');

let counter = 0;
async function activeWorker() {
  const enrolled = await enrollDevice(getDb(), {
    worker: {
      fullName: 'Бахтиёр Умаров',
      citizenship: 'UZ',
      documentNumber: `AC${Date.now()}${++counter}`,
      birthDate: '1990-01-02',
      phone: '+79161234569',
    },
    device: { platform: 'android' },
  });
  const device = { deviceId: enrolled.deviceId, workerId: enrolled.workerId };
  const reg = await declareAddress(
    getDb(),
    enrolled.workerId,
    { text: 'Красная площадь, 1', ...RED_SQUARE },
    new Date(NOW.getTime() - 3_600_000),
  );
  const fixTime = new Date(NOW.getTime() - 60_000);
  await ingestPositions(
    getDb(),
    device,
    [{ time: fixTime, ...RED_SQUARE, accuracy: 10, battery: 80, charging: false }],
    fixTime,
  );
  return { workerId: enrolled.workerId, registrationId: reg.registrationId };
}

beforeAll(async () => {
  await migrate(getDb());
});

describe('address change', () => {
  it('keeps the registration live and records the change with its time', async () => {
    const w = await activeWorker();
    // Moved Wednesday 11 June; 12–15 June are days off, so the third working day is 18 June.
    const result = await changeAddress(
      getDb(),
      w.workerId,
      w.registrationId,
      { address: YUAO_HOME, movedAt: '2025-06-11T10:00:00Z' },
      NOW,
    );
    expect(result).toMatchObject({ status: 'active', late: false, deadline: '2025-06-18T21:00:00.000Z' });
    const [reg] = await queryRows<{ status: string; address_text: string; okrug: string }>(
      getDb(),
      sql`SELECT status, address_text, okrug FROM registrations WHERE id = ${w.registrationId}::uuid`,
    );
    expect(reg).toMatchObject({ status: 'active', address_text: YUAO_HOME.text, okrug: 'YuAO' });
    const events = await queryRows<{ type: string; at: unknown; detail: unknown }>(
      getDb(),
      sql`SELECT type, at, detail FROM registration_events WHERE registration_id = ${w.registrationId}::uuid AND type = 'address_changed'`,
    );
    expect(events).toHaveLength(1);
    expect(new Date(String(events[0]!.at)).toISOString()).toBe(NOW.toISOString());
    const detail = typeof events[0]!.detail === 'string' ? JSON.parse(events[0]!.detail) : events[0]!.detail;
    expect(detail).toMatchObject({
      late: false,
      from: { text: 'Красная площадь, 1' },
      to: { text: YUAO_HOME.text },
    });
  });

  it('accepts a change declared after three working days but flags it late', async () => {
    const w = await activeWorker();
    const result = await changeAddress(
      getDb(),
      w.workerId,
      w.registrationId,
      { address: YUAO_HOME, movedAt: '2025-06-05T10:00:00Z' },
      NOW,
    );
    // 5 June (Thu): 6, 9, 10 June are the three working days -> due by the end of 10 June.
    expect(result).toMatchObject({ late: true, deadline: '2025-06-10T21:00:00.000Z', status: 'active' });
    const events = await queryRows<{ cause: string; type: string }>(
      getDb(),
      sql`SELECT cause, type FROM registration_events WHERE registration_id = ${w.registrationId}::uuid AND type LIKE 'address_changed%'`,
    );
    expect(events).toEqual([expect.objectContaining({ type: 'address_changed_late' })]);
    expect(events[0]?.cause).toContain('declared late');
  });

  it.each([
    ['an address outside the region', { address: TULA }, 422],
    ['a move in the future', { address: YUAO_HOME, movedAt: '2025-06-20T00:00:00Z' }, 422],
  ])('refuses %s', async (_name, body, status) => {
    const w = await activeWorker();
    await expect(changeAddress(getDb(), w.workerId, w.registrationId, body, NOW)).rejects.toMatchObject({
      status,
    });
  });

  it('refuses another registration id with 404', async () => {
    const w = await activeWorker();
    const other = await activeWorker();
    const error = await changeAddress(
      getDb(),
      w.workerId,
      other.registrationId,
      { address: YUAO_HOME },
      NOW,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ status: 404 });
  });
});
