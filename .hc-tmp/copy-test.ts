import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from '/work/main/lib/db/migrate';
import { ensurePartitionsForDays } from '/work/main/lib/db/partitions';
import * as schema from '/work/main/lib/db/schema';
import { randomUUID } from 'node:crypto';

const dir = process.argv[2]!;
const client = new PGlite(dir);
const db = drizzle({ client, schema });
process.env.MIGRATIONS_DIR = '/work/main/lib/db/migrations';
await migrate(db as never);
const now = Date.now();
const days = [0, 1, 2].map((d) => new Date(now - d * 86400000).toISOString().slice(0, 10));
await ensurePartitionsForDays(db as never, days);
const N = Number(process.argv[3] ?? 500000);
const devs = Array.from({ length: 2000 }, () => [randomUUID(), randomUUID()]);
const chunk = Number(process.argv[4] ?? 20000);
const t0 = performance.now();
let lines: string[] = [];
let written = 0;
for (let i = 0; i < N; i++) {
  const d = devs[i % 2000]!;
  const t = new Date(now - 86400000 + Math.floor(i / 2000) * 300000).toISOString();
  lines.push(`${d[0]}\t${d[1]}\t${t}\t${t}\t55.75123\t37.61234\t12.5\t1.2\t\\N\t\\N\t77\tf\tgps\tf`);
  if (lines.length >= chunk || i === N - 1) {
    const blob = new Blob([lines.join('\n') + '\n']);
    await client.query(
      `COPY positions (device_id, worker_id, fix_time, received_at, lat, lon, accuracy, speed, heading, altitude, battery, charging, provider, mock) FROM '/dev/blob'`,
      [],
      { blob },
    );
    written += lines.length;
    lines = [];
  }
}
const ms = performance.now() - t0;
console.log(`pglite COPY ${written} rows in ${ms.toFixed(0)} ms = ${((written / ms) * 1000).toFixed(0)} rows/s`);
await client.close();
