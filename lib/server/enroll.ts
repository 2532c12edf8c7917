import 'server-only';
// Enrollment: one person (citizenship + document) is one worker, however many phones they use. A
// second enrollment of a known person must prove it is the same person (every identity field
// matches); the new phone then replaces the old one, whose token stops working at once.
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '@/lib/db/client';
import { CITIZENSHIP_RULE, type EnrollInput, isSupportedCitizenship } from '@/lib/api/device-schemas';
import { generateDeviceToken, hashDeviceToken } from './device-auth';
import { recordDeviceAudit } from './device-audit';
import { findIdentityMismatches, IDENTITY_MISMATCH_DETAIL, toDateKey } from './enroll-identity';
import { splitNameScripts } from './name-scripts';
import { HttpError } from './problem';

export { hasCyrillic, splitNameScripts, transliterateCyrillic } from './name-scripts';

export interface EnrollResult {
  deviceId: string;
  workerId: string;
  token: string;
  /** Devices whose tokens this enrolment revoked (empty for a first enrolment). */
  replacedDeviceIds: string[];
}

interface PersonRow {
  id: string;
  full_name_latin: string;
  full_name_cyrillic: string | null;
  birth_date: string | Date;
  phone: string;
}

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
type Outcome = { ok: true; result: EnrollResult } | { ok: false; workerId: string; fields: string[] };

export async function enrollDevice(db: Db, input: EnrollInput): Promise<EnrollResult> {
  const { worker } = input;
  if (!isSupportedCitizenship(worker.citizenship)) {
    throw new HttpError(422, `Citizenship ${worker.citizenship} is not covered. ${CITIZENSHIP_RULE}`, {
      errors: [{ field: 'worker.citizenship', message: CITIZENSHIP_RULE }],
    });
  }
  const outcome = await db.transaction((tx) => enrollInTransaction(tx, input));
  if (outcome.ok) return outcome.result;
  // Recorded after the rollback, so the refused attempt stays in the audit log.
  await recordDeviceAudit(db, {
    deviceId: null,
    action: 'device.enroll_refused',
    workerId: outcome.workerId,
    reason: 'identity details do not match the enrolled person',
    detail: { mismatched: outcome.fields, platform: input.device.platform },
  });
  throw new HttpError(409, IDENTITY_MISMATCH_DETAIL, {
    type: 'https://regwatch.example/problems/identity-mismatch',
    title: 'Identity does not match',
    errors: ['worker.fullName', 'worker.birthDate', 'worker.phone'].map((field) => ({
      field,
      message: 'must match the details given when this person first enrolled',
    })),
  });
}

async function enrollInTransaction(tx: Tx, input: EnrollInput): Promise<Outcome> {
  const { worker, device } = input;
  const name = splitNameScripts(worker.fullName);
  const [created] = await queryRows<{ id: string }>(
    tx,
    sql`INSERT INTO workers (full_name_latin, full_name_cyrillic, citizenship, document_number, birth_date, phone)
        VALUES (${name.latin}, ${name.cyrillic}, ${worker.citizenship}, ${worker.documentNumber},
                ${worker.birthDate}, ${worker.phone})
        ON CONFLICT (citizenship, document_number) DO NOTHING RETURNING id`,
  );
  let workerId = created?.id;
  if (!workerId) {
    // Known person: lock the row so two concurrent re-enrolments replace devices one after the other.
    const [person] = await queryRows<PersonRow>(
      tx,
      sql`SELECT id, full_name_latin, full_name_cyrillic, birth_date::text AS birth_date, phone FROM workers
          WHERE citizenship = ${worker.citizenship} AND document_number = ${worker.documentNumber} FOR UPDATE`,
    );
    if (!person) throw new Error('worker vanished between insert and select');
    const fields = findIdentityMismatches(
      { fullNameLatin: person.full_name_latin, birthDate: toDateKey(person.birth_date), phone: person.phone },
      { fullNameLatin: name.latin, birthDate: worker.birthDate, phone: worker.phone },
    );
    if (fields.length) return { ok: false, workerId: person.id, fields };
    workerId = person.id;
    if (!person.full_name_cyrillic && name.cyrillic) {
      await tx.execute(sql`UPDATE workers SET full_name_cyrillic = ${name.cyrillic} WHERE id = ${workerId}`);
    }
  }
  await tx.execute(
    sql`INSERT INTO worker_status (worker_id, status, citizenship) VALUES (${workerId}, 'none', ${worker.citizenship})
        ON CONFLICT (worker_id) DO NOTHING`,
  );
  const token = generateDeviceToken();
  const [added] = await queryRows<{ id: string }>(
    tx,
    sql`INSERT INTO devices (worker_id, token_hash, platform, model, app_version)
        VALUES (${workerId}, ${hashDeviceToken(token)}, ${device.platform}, ${device.model ?? null},
                ${device.appVersion ?? null})
        RETURNING id`,
  );
  if (!added) throw new Error('device insert returned no row');
  const replaced = created ? [] : await replaceOldDevices(tx, workerId, added.id, device.platform);
  return { ok: true, result: { deviceId: added.id, workerId, token, replacedDeviceIds: replaced } };
}

// One phone per person: the older phones' tokens are revoked, and the worker file and the audit
// log say so (the worker file as an event of the worker, the audit log with both device ids).
async function replaceOldDevices(tx: Tx, workerId: string, newId: string, platform: string) {
  const revoked = await queryRows<{ id: string }>(
    tx,
    sql`UPDATE devices SET revoked_at = now(), replaced_by = ${newId}
        WHERE worker_id = ${workerId} AND id <> ${newId} AND revoked_at IS NULL RETURNING id`,
  );
  const ids = revoked.map((r) => r.id);
  const detail = { newDeviceId: newId, revokedDeviceIds: ids, platform };
  await tx.execute(sql`INSERT INTO worker_events (worker_id, at, type, cause, actor, detail)
      VALUES (${workerId}, now(), 'device_replaced',
        ${ids.length ? 'A new phone was enrolled; the previous phone was disconnected (its token revoked).' : 'A new phone was enrolled for this worker.'},
        'device', ${JSON.stringify(detail)}::jsonb)`);
  await recordDeviceAudit(tx, {
    deviceId: newId,
    action: 'device.replace',
    workerId,
    reason: 're-enrolment with matching identity details',
    detail,
  });
  return ids;
}
