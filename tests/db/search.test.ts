// Worker search against a real database: the SQL key functions agree with lib/domain, officers'
// spellings find the person best first, pages of a ranked search hold every match once, and the
// search runs on the indexes rather than a scan.
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb, queryRows } from '@/lib/db/client';
import { migrate } from '@/lib/db/migrate';
import { documentKey, foldName, nameSkeleton, phoneKey } from '@/lib/domain/search-normalise';
import type { OfficerContext } from '@/lib/server/officer-context';
import { listWorkers } from '@/lib/server/queries/workers';

const supervisor: OfficerContext = {
  officerId: 's',
  username: 's',
  name: 'S',
  role: 'supervisor',
  okrugs: null,
};

const PEOPLE = [
  { latin: 'Sargsyan David', cyrillic: 'Саргсян Давид', doc: 'AM1234567', phone: '+7 916 123-45-67' },
  { latin: 'Sarkisyan Karen', cyrillic: 'Саркисян Карен', doc: 'AM7654321', phone: '+7 926 000-11-22' },
  { latin: 'Abdullayev Rustam', cyrillic: 'Абдуллаев Рустам', doc: 'FA0011223', phone: '+998 90 111-22-33' },
  { latin: 'Abdullaev Bekzod', cyrillic: null, doc: 'FA0099887', phone: '+998 91 222-33-44' },
  { latin: 'Karimov Aziz', cyrillic: 'Каримов Азиз', doc: 'FA5550001', phone: '+998 93 555-44-33' },
  { latin: 'Dzhuraev Ilkhom', cyrillic: 'Жураев Илхом', doc: 'TJ4440001', phone: '+992 90 123-45-67' },
];
for (let i = 0; i < 7; i++) {
  PEOPLE.push({
    latin: 'Abdulla Abdullaev',
    cyrillic: 'Абдулла Абдуллаев',
    doc: `FB10000${i}`,
    phone: `+998 90 700-00-0${i}`,
  });
}
const ids = new Map<string, string>();

beforeAll(async () => {
  const db = getDb();
  await migrate(db);
  for (const p of PEOPLE) {
    const [row] = await queryRows<{ id: string }>(
      db,
      sql`INSERT INTO workers (full_name_latin, full_name_cyrillic, citizenship, document_number, birth_date, phone)
          VALUES (${p.latin}, ${p.cyrillic}, 'UZ', ${p.doc}, '1990-01-01', ${p.phone}) RETURNING id`,
    );
    ids.set(p.doc, row!.id);
  }
});

const search = async (q: string, limit = 50) => listWorkers(getDb(), supervisor, { q, limit });
const firstDoc = async (q: string) => (await search(q)).items[0]?.documentNumber;

describe('search keys in SQL', () => {
  it('agree with lib/domain for every name, phone and document', async () => {
    const names = [
      ...PEOPLE.map((p) => `${p.latin} ${p.cyrillic ?? ''}`),
      "G'ulomov O'tkir",
      'Şükürov Ilkhom',
      'Қодиров Ҷамшед',
      'Евгений Цой-Ким',
      'Ильяс, Юсупов.',
    ];
    for (const name of names) {
      const [row] = await queryRows<{ key: string; skeleton: string }>(
        getDb(),
        sql`SELECT rw_fold_name(${name}) AS key, rw_name_skeleton(rw_fold_name(${name})) AS skeleton`,
      );
      expect(row).toEqual({ key: foldName(name), skeleton: nameSkeleton(foldName(name)) });
    }
    for (const value of ['8 (916) 123-45-67', '9161234567', '+998 90 111', 'АВ 12-34 x']) {
      const [row] = await queryRows<{ phone: string; doc: string }>(
        getDb(),
        sql`SELECT rw_phone_key(${value}) AS phone, rw_document_key(${value}) AS doc`,
      );
      expect(row).toEqual({ phone: phoneKey(value), doc: documentKey(value) });
    }
  });
});

describe('tolerant search', () => {
  it.each([
    ['Саргсян Давид', 'AM1234567'], // surname first, Cyrillic
    ['David Sargsyan', 'AM1234567'], // first name first, Latin
    ['Саркисян', 'AM7654321'], // the other spelling is a different person, and comes first
    ['Abdullayev Rustam', 'FA0011223'],
    ['Абдуллаев Рустам', 'FA0011223'],
    ['Abdulaev Bekzod', 'FA0099887'],
    ['Джураев', 'TJ4440001'],
    ['Juraev Ilhom', 'TJ4440001'],
    ['89161234567', 'AM1234567'], // 8 instead of +7
    ['+7 916 123 45 67', 'AM1234567'],
    ['555-44', 'FA5550001'],
    ['fa 5550001', 'FA5550001'],
    ['АМ 1234567', 'AM1234567'], // Cyrillic look-alike letters
  ])('%s finds %s first', async (q, doc) => {
    expect(await firstDoc(q)).toBe(doc);
  });

  it('finds the transliteration variants too, ranked after the exact spelling', async () => {
    const found = (await search('Саргсян')).items.map((w) => w.documentNumber);
    expect(found.slice(0, 2)).toEqual(['AM1234567', 'AM7654321']);
  });

  it('tells namesakes apart and counts them', async () => {
    const page = await search('Абдулла Абдуллаев', 3);
    expect(page.total).toBeGreaterThanOrEqual(7);
    expect(page.totalIsLowerBound).toBe(false);
    expect(page.items.every((w) => w.birthDate === '1990-01-01' && w.documentNumber.length > 0)).toBe(true);
  });

  it('pages a ranked search with every match exactly once', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listWorkers(getDb(), supervisor, { q: 'Abdullaev', limit: 2, cursor });
      seen.push(...page.items.map((w) => w.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    const all = (await search('Abdullaev', 200)).items.map((w) => w.id);
    expect(seen).toEqual(all);
    expect(new Set(seen).size).toBe(seen.length);
    expect(all.length).toBeGreaterThanOrEqual(9);
  });

  it('answers from the indexes, not a scan of workers', async () => {
    const plans = await getDb().transaction(async (tx) => {
      await tx.execute(sql`SET LOCAL enable_seqscan = off`);
      const out: string[] = [];
      for (const where of [
        sql`name_skeleton %> 'aptlf'`,
        sql`phone_key LIKE '%79161234%'`,
        sql`document_key LIKE 'FA555%'`,
      ]) {
        const rows = await queryRows<Record<string, string>>(
          tx,
          sql`EXPLAIN SELECT id FROM workers WHERE ${where}`,
        );
        out.push(rows.map((r) => Object.values(r).join(' ')).join('\n'));
      }
      return out;
    });
    expect(plans[0]).toContain('workers_name_skeleton_trgm_idx');
    expect(plans[1]).toContain('workers_phone_key_trgm_idx');
    expect(plans[2]).toContain('workers_document_key_idx');
  });
});
