import { PGlite } from '@electric-sql/pglite';
import { randomUUID } from 'node:crypto';

const client = new PGlite(process.argv[2] === "mem" ? undefined : process.argv[2]!);
const variant = process.argv[3]!;
const N = 200000;
let t = performance.now();
await client.exec(`CREATE TABLE p (device_id uuid NOT NULL, worker_id uuid NOT NULL, fix_time timestamptz NOT NULL, received_at timestamptz NOT NULL DEFAULT now(), lat double precision NOT NULL, lon double precision NOT NULL, accuracy real NOT NULL, speed real, heading real, altitude real, battery smallint, charging boolean, provider text, mock boolean NOT NULL DEFAULT false ${variant.includes('pk') ? ', PRIMARY KEY (device_id, fix_time)' : ''})`);
if (variant.includes('idx')) await client.exec(`CREATE INDEX ON p (worker_id, fix_time)`);
console.log('create', performance.now() - t);
const now = Date.now();
const devs = Array.from({ length: 2000 }, () => [randomUUID(), randomUUID()]);
const sorted = variant.includes('sorted');
t = performance.now();
let lines: string[] = [];
for (let j = 0; j < N; j++) {
  const i = sorted ? (j % 100) * 2000 + Math.floor(j / 100) : j; // device-major within a chunk
  const d = devs[Math.floor(j / 100) % 2000]!;
  const ts = new Date(now - 86400000 + (sorted ? (j % 100) : Math.floor(j / 2000)) * 300000 + Math.floor(j / 200000) * 1000).toISOString();
  void i;
  const dd = sorted ? d : devs[j % 2000]!;
  lines.push(`${dd[0]}\t${dd[1]}\t${ts}\t${ts}\t55.75123\t37.61234\t12.5\t1.2\t\\N\t\\N\t77\tf\tgps\tf`);
  if (lines.length >= 20000) {
    await client.query(`COPY p FROM '/dev/blob'`, [], { blob: new Blob([lines.join('\n') + '\n']) });
    lines = [];
  }
}
const ms = performance.now() - t;
console.log(variant, `${((N / ms) * 1000).toFixed(0)} rows/s`);
await client.close();
