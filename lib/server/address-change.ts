import 'server-only';
// A new address on a live registration: the registration stays live, the change is an event with its
// time, and the three-working-day deadline of 121-FZ is checked (a late change is accepted, flagged).
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '@/lib/db/client';
import type { AddressChange, AddressChangeResult } from '@/lib/api/address-change';
import { ADDRESS_CHANGE_WORKING_DAYS } from '@/lib/api/address-change';
import { isLive } from '@/lib/domain/lifecycle';
import { locatePoint } from '@/lib/domain/region';
import { addWorkingDays } from '@/lib/domain/working-days';
import { loadRegionPack } from '@/lib/region/load-pack';
import { HttpError } from './problem';
import { queueNotice } from './notify/outbox';
import { lockWorkerStatus } from './worker-state';

export async function changeAddress(
  db: Db,
  workerId: string,
  registrationId: string,
  change: AddressChange,
  now = new Date(),
): Promise<AddressChangeResult> {
  const { address } = change;
  const pack = loadRegionPack();
  const where = locatePoint(pack, address.lat, address.lon);
  if (!where.inRegion) {
    throw new HttpError(
      422,
      `The new address is outside ${pack.nameEn} and its oblast; check the coordinates.`,
      {
        errors: [{ field: 'address', message: 'outside the region' }],
      },
    );
  }
  const movedAt = change.movedAt ? new Date(change.movedAt) : now;
  if (movedAt.getTime() > now.getTime() + 60_000) {
    throw new HttpError(422, '`movedAt` is in the future: give the day the worker moved, or leave it out.', {
      errors: [{ field: 'movedAt', message: 'in the future' }],
    });
  }
  const deadline = addWorkingDays(movedAt, ADDRESS_CHANGE_WORKING_DAYS);
  const late = now.getTime() >= deadline.getTime();
  return db.transaction(async (tx) => {
    const row = await lockWorkerStatus(tx, workerId);
    if (!row || row.registration_id !== registrationId) {
      throw new HttpError(
        404,
        'This device has no registration with that id. Use the id returned when the address was declared.',
      );
    }
    if (!isLive(row.status)) {
      throw new HttpError(
        409,
        `The registration is ${row.status}; a new address starts a new registration (POST /api/v1/device/registrations).`,
        { registrationId, registrationStatus: row.status },
      );
    }
    const [old] = await queryRows<{ address_text: string; lat: number; lon: number; okrug: string | null }>(
      tx,
      sql`SELECT address_text, lat, lon, okrug FROM registrations WHERE id = ${registrationId}::uuid`,
    );
    const nowIso = now.toISOString();
    await tx.execute(sql`UPDATE registrations SET address_text = ${address.text}, lat = ${address.lat},
        lon = ${address.lon}, okrug = ${where.districtId} WHERE id = ${registrationId}::uuid`);
    await tx.execute(
      sql`UPDATE worker_status SET okrug = ${where.districtId} WHERE worker_id = ${workerId}::uuid`,
    );
    const cause = late
      ? `address changed, declared late: moved ${movedAt.toISOString()}, due by ${deadline.toISOString()}`
      : 'address changed within 3 working days';
    const detail = {
      from: old ? { text: old.address_text, lat: old.lat, lon: old.lon, okrug: old.okrug } : null,
      to: { ...address, okrug: where.districtId },
      movedAt: movedAt.toISOString(),
      deadline: deadline.toISOString(),
      late,
    };
    await tx.execute(sql`INSERT INTO registration_events (registration_id, worker_id, at, type, from_status, to_status, cause, actor, detail)
        VALUES (${registrationId}::uuid, ${workerId}::uuid, ${nowIso}::timestamptz, ${late ? 'address_changed_late' : 'address_changed'}, ${row.status},
          ${row.status}, ${cause}, 'device', ${JSON.stringify(detail)}::jsonb)`);
    await queueNotice(tx, {
      workerId,
      registrationId,
      kind: 'address_changed',
      facts: { late, deadline: detail.deadline, movedAt: detail.movedAt },
      at: now,
    });
    return {
      registrationId,
      status: row.status === 'pending' || row.status === 'active' ? row.status : 'interrupted',
      changedAt: nowIso,
      movedAt: movedAt.toISOString(),
      deadline: deadline.toISOString(),
      late,
    };
  });
}
