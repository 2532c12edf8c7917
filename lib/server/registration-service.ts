import 'server-only';
// Declaring an address starts a registration. The database's partial unique index is the final
// word on "one live registration per worker", so two racing declarations cannot both win.
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '@/lib/db/client';
import { isLive } from '@/lib/domain/lifecycle';
import { locatePoint } from '@/lib/domain/region';
import { loadRegionPack } from '@/lib/region/load-pack';
import { getCurrentPolicy } from './policy';
import { HttpError } from './problem';
import { lockWorkerStatus } from './worker-state';

export interface DeclaredAddress {
  text: string;
  lat: number;
  lon: number;
}

export async function declareAddress(
  db: Db,
  workerId: string,
  address: DeclaredAddress,
  now = new Date(),
): Promise<{ registrationId: string; status: 'pending' }> {
  const pack = loadRegionPack();
  const where = locatePoint(pack, address.lat, address.lon);
  if (!where.inRegion) {
    throw new HttpError(
      422,
      `The address is outside ${pack.nameEn} and its oblast. Registration covers addresses inside the region only; check the coordinates (lat ${address.lat}, lon ${address.lon}).`,
      { errors: [{ field: 'address', message: 'outside the region' }] },
    );
  }
  const policy = await getCurrentPolicy(db);
  return db.transaction(async (tx) => {
    const row = await lockWorkerStatus(tx, workerId);
    if (!row)
      throw new HttpError(401, 'This device is not linked to a worker any more. Enroll the device again.');
    if (isLive(row.status)) {
      throw new HttpError(
        409,
        `A registration is already ${row.status}. A new address can be declared only after it is cancelled or ended.`,
        { registrationId: row.registration_id, registrationStatus: row.status },
      );
    }
    const nowIso = now.toISOString();
    const [registration] = await queryRows<{ id: string }>(
      tx,
      sql`INSERT INTO registrations (worker_id, address_text, lat, lon, okrug, status, policy_version, created_at)
          VALUES (${workerId}, ${address.text}, ${address.lat}, ${address.lon}, ${where.districtId}, 'pending',
            ${policy.version}, ${nowIso}::timestamptz)
          RETURNING id`,
    );
    if (!registration) throw new Error('registration insert returned nothing');
    await tx.execute(sql`INSERT INTO registration_events (registration_id, worker_id, at, type, from_status, to_status, cause, actor)
        VALUES (${registration.id}, ${workerId}, ${nowIso}::timestamptz, 'declared', NULL, 'pending', 'address declared', 'device')`);
    // The device is evidently alive now, so a lapse left open on the previous registration ends here.
    if (row.open_lapse_id) {
      await tx.execute(
        sql`UPDATE lapses SET ended_at = ${nowIso}::timestamptz WHERE id = ${row.open_lapse_id} AND ended_at IS NULL`,
      );
    }
    await tx.execute(sql`UPDATE worker_status SET registration_id = ${registration.id}, status = 'pending',
        okrug = ${where.districtId}, declared_lat = ${address.lat}, declared_lon = ${address.lon},
        status_since = ${nowIso}::timestamptz, open_lapse_id = NULL, open_lapse_kind = NULL,
        open_lapse_started_at = NULL, lapse_deadline = NULL, open_lapse_silence = false, updated_at = ${nowIso}::timestamptz
      WHERE worker_id = ${workerId}`);
    return { registrationId: registration.id, status: 'pending' as const };
  });
}
