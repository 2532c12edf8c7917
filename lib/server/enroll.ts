import 'server-only';
// Enrollment: one person (citizenship + document) is one worker, however many phones they use. A
// second enrollment of the same person links the new device instead of creating a duplicate.
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '@/lib/db/client';
import { CITIZENSHIP_RULE, type EnrollInput, isSupportedCitizenship } from '@/lib/api/device-schemas';
import { generateDeviceToken, hashDeviceToken } from './device-auth';
import { HttpError } from './problem';

// Russian passport (ICAO 9303) romanisation, plus the letters of the Ukrainian and Central Asian
// Cyrillic alphabets, so officers can search a Cyrillic-only name in Latin as well.
// prettier-ignore
const CYRILLIC_TO_LATIN: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'i', к: 'k',
  л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts',
  ч: 'ch', ш: 'sh', щ: 'shch', ъ: 'ie', ы: 'y', ь: '', э: 'e', ю: 'iu', я: 'ia',
  і: 'i', ї: 'i', є: 'ie', ґ: 'g', ә: 'a', ғ: 'g', қ: 'k', ң: 'n', ө: 'o', ұ: 'u', ү: 'u', һ: 'h',
  ў: 'u', ҳ: 'kh', ҷ: 'j', ӣ: 'i', ӯ: 'u',
};

export function hasCyrillic(text: string): boolean {
  return /\p{Script=Cyrillic}/u.test(text);
}

export function transliterateCyrillic(text: string): string {
  let out = '';
  for (const ch of text) {
    const lower = ch.toLowerCase();
    const latin = CYRILLIC_TO_LATIN[lower];
    if (latin === undefined) out += ch;
    else if (lower === ch || !latin) out += latin;
    else out += latin.charAt(0).toUpperCase() + latin.slice(1);
  }
  return out;
}

/** Latin is always filled (search and lists need it); Cyrillic only when the name was given so. */
export function splitNameScripts(fullName: string): { latin: string; cyrillic: string | null } {
  const name = fullName.trim().replace(/\s+/g, ' ');
  return hasCyrillic(name)
    ? { latin: transliterateCyrillic(name), cyrillic: name }
    : { latin: name, cyrillic: null };
}

export interface EnrollResult {
  deviceId: string;
  workerId: string;
  token: string;
}

export async function enrollDevice(db: Db, input: EnrollInput): Promise<EnrollResult> {
  const { worker, device } = input;
  if (!isSupportedCitizenship(worker.citizenship)) {
    throw new HttpError(422, `Citizenship ${worker.citizenship} is not covered. ${CITIZENSHIP_RULE}`, {
      errors: [{ field: 'worker.citizenship', message: CITIZENSHIP_RULE }],
    });
  }
  const name = splitNameScripts(worker.fullName);
  const token = generateDeviceToken();
  return db.transaction(async (tx) => {
    // The no-op update makes RETURNING yield the existing row's id when the person is known.
    const [person] = await queryRows<{ id: string }>(
      tx,
      sql`INSERT INTO workers (full_name_latin, full_name_cyrillic, citizenship, document_number, birth_date, phone)
          VALUES (${name.latin}, ${name.cyrillic}, ${worker.citizenship}, ${worker.documentNumber},
                  ${worker.birthDate}, ${worker.phone})
          ON CONFLICT (citizenship, document_number) DO UPDATE
            SET full_name_cyrillic = COALESCE(workers.full_name_cyrillic, EXCLUDED.full_name_cyrillic)
          RETURNING id`,
    );
    if (!person) throw new Error('worker upsert returned no row');
    await tx.execute(
      sql`INSERT INTO worker_status (worker_id, status, citizenship) VALUES (${person.id}, 'none', ${worker.citizenship})
          ON CONFLICT (worker_id) DO NOTHING`,
    );
    const [created] = await queryRows<{ id: string }>(
      tx,
      sql`INSERT INTO devices (worker_id, token_hash, platform, model, app_version)
          VALUES (${person.id}, ${hashDeviceToken(token)}, ${device.platform}, ${device.model ?? null},
                  ${device.appVersion ?? null})
          RETURNING id`,
    );
    if (!created) throw new Error('device insert returned no row');
    return { deviceId: created.id, workerId: person.id, token };
  });
}
