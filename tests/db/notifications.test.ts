// Messages to the worker against a real database: written in the transactions of the events they
// report, a reminder once per silence under the 121-FZ preset, the cancellation with its rule, an
// address change, review and reinstatement; fetched and acknowledged by the phone; shown to officers.
import http from 'node:http';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb, queryRows } from '@/lib/db/client';
import { migrate } from '@/lib/db/migrate';
import { changeAddress } from '@/lib/server/address-change';
import { enrollDevice } from '@/lib/server/enroll';
import type { DeviceContext } from '@/lib/server/engine-api';
import { ingestPositions } from '@/lib/server/ingest';
import { readChannels } from '@/lib/server/notify/channels';
import { dispatchNotifications } from '@/lib/server/notify/dispatch';
import { acknowledgeNotifications, listDeviceNotifications } from '@/lib/server/notify/inbox';
import type { OfficerContext } from '@/lib/server/officer-context';
import { forgetCachedPolicy } from '@/lib/server/policy';
import { reinstateRegistration } from '@/lib/server/queries/reinstate';
import { reviewLapse } from '@/lib/server/queries/review';
import { readWorkerFile } from '@/lib/server/reads/worker-reads';
import { declareAddress } from '@/lib/server/registration-service';
import { runSweep } from '@/lib/server/sweep';
import type { Fix } from '@/lib/domain/types';

const RED_SQUARE = { lat: 55.7539, lon: 37.6208 };
// Wednesday 11 June 2025, 10:00 in Moscow; 12–15 June are days off (Russia Day and the weekend).
const LAST_FIX = new Date('2025-06-11T07:00:00Z');
const at = (hours: number) => new Date(LAST_FIX.getTime() + hours * 3_600_000);
const fix = (time: Date): Fix => ({ time, ...RED_SQUARE, accuracy: 12, battery: 70, charging: false });
const supervisor: OfficerContext = {
  officerId: 'sup-notify',
  username: 'supervisor',
  name: 'Sup',
  role: 'supervisor',
  okrugs: null,
};

let counter = 0;
async function newWorker(citizenship = 'TJ'): Promise<DeviceContext & { registrationId: string }> {
  const enrolled = await enrollDevice(getDb(), {
    worker: {
      fullName: 'Дилшод Рахимов',
      citizenship,
      documentNumber: `NT${Date.now()}${++counter}`,
      birthDate: '1991-05-04',
      phone: '+79161234568',
    },
    device: { platform: 'android' },
  });
  const reg = await declareAddress(
    getDb(),
    enrolled.workerId,
    { text: 'Красная площадь, 1', ...RED_SQUARE },
    at(-1),
  );
  return { deviceId: enrolled.deviceId, workerId: enrolled.workerId, registrationId: reg.registrationId };
}

async function setPreset(preset: 'strict' | '121-FZ'): Promise<number> {
  const unit = preset === 'strict' ? 'calendar' : 'working_days';
  const reminder = preset === 'strict' ? null : 259_200;
  const [row] = await queryRows<{ id: number }>(
    getDb(),
    sql`INSERT INTO policy_versions (heartbeat_seconds, lapse_after_seconds, grace_seconds, low_battery_percent,
      min_accuracy_meters, retention_days, created_by, note, preset, cancel_unit, cancel_after_working_days, reminder_after_seconds)
    VALUES (300, 900, 0, 5, 200, 14, 'test', 'test policy', ${preset}, ${unit}, 3, ${reminder}) RETURNING id`,
  );
  forgetCachedPolicy();
  return Number(row!.id);
}

async function notices(workerId: string) {
  return queryRows<{ id: string; kind: string; facts: Record<string, unknown>; lapse_id: string | null }>(
    getDb(),
    sql`SELECT id, kind, facts, lapse_id FROM worker_notifications WHERE worker_id = ${workerId}::uuid ORDER BY seq`,
  );
}
const kinds = async (workerId: string) => (await notices(workerId)).map((n) => n.kind);

beforeAll(async () => {
  await migrate(getDb());
});

describe('121-FZ preset: reminder, then cancellation over a holiday weekend', () => {
  it('reminds once after 3 days without data and cancels after 3 working days with the rule', async () => {
    const version = await setPreset('121-FZ');
    const w = await newWorker();
    await ingestPositions(getDb(), w, [fix(LAST_FIX)], LAST_FIX);
    await runSweep(getDb(), at(0.5));
    expect(await kinds(w.workerId)).toEqual(['lapse_opened']);
    const [opened] = await notices(w.workerId);
    expect(new Date(String(opened?.facts.deadline)).toISOString()).toBe('2025-06-18T21:00:00.000Z');

    await runSweep(getDb(), at(71.9));
    expect(await kinds(w.workerId)).toEqual(['lapse_opened']);
    await runSweep(getDb(), at(72.1));
    await runSweep(getDb(), at(80));
    await runSweep(getDb(), at(100));
    expect(await kinds(w.workerId)).toEqual(['lapse_opened', 'reminder']);

    // Friday 13 and Monday 16 June: a calendar count would have cancelled; 18 June 20:59 UTC still live.
    await runSweep(getDb(), new Date('2025-06-18T20:59:00Z'));
    expect(await kinds(w.workerId)).toEqual(['lapse_opened', 'reminder']);
    await runSweep(getDb(), new Date('2025-06-18T21:01:00Z'));
    const all = await notices(w.workerId);
    expect(all.map((n) => n.kind)).toEqual(['lapse_opened', 'reminder', 'cancelled']);
    expect(all[2]?.facts).toMatchObject({
      rule: 'working_days_elapsed',
      workingDays: 3,
      policyVersion: version,
    });

    const page = await listDeviceNotifications(getDb(), w.workerId, { limit: 10 });
    const cancelled = page.items[0];
    expect(cancelled?.kind).toBe('cancelled');
    expect(cancelled?.texts.map((t) => t.lang)).toEqual(['ru', 'tg']);
    expect(cancelled?.texts[0]?.body).toContain('больше 3 рабочих дней');
    expect(cancelled?.texts[1]?.body).toContain('рӯзи корӣ');
    expect(page.items[1]?.texts[0]?.body).toContain('19.06.2025 00:00');
  });

  it('a strict policy sends no reminder', async () => {
    await setPreset('strict');
    const w = await newWorker('AM');
    await ingestPositions(getDb(), w, [fix(LAST_FIX)], LAST_FIX);
    await runSweep(getDb(), at(0.5));
    await runSweep(getDb(), at(100));
    const all = await notices(w.workerId);
    // Cancelled at once: one message with the rule, no "lapse opened" that would promise a deadline.
    expect(all.map((n) => n.kind)).toEqual(['cancelled']);
    expect(all[0]?.facts).toMatchObject({ rule: 'immediate', lapseAfterSeconds: 900 });
  });
});

describe('address change, review and reinstatement', () => {
  it('confirms an address change, flagged when late', async () => {
    await setPreset('strict');
    const w = await newWorker('UZ');
    await ingestPositions(getDb(), w, [fix(LAST_FIX)], LAST_FIX);
    await changeAddress(
      getDb(),
      w.workerId,
      w.registrationId,
      { address: { text: 'ул. Арбат, 10', lat: 55.7514, lon: 37.5936 }, movedAt: at(-200).toISOString() },
      at(0.1),
    );
    const [n] = await notices(w.workerId);
    expect(n).toMatchObject({ kind: 'address_changed', facts: { late: true } });
    const page = await listDeviceNotifications(getDb(), w.workerId, { limit: 10 });
    expect(page.items[0]?.texts[1]).toMatchObject({ lang: 'uz', title: 'Yangi manzil qabul qilindi' });
  });

  it('tells the review outcome and the reinstatement, in the same transactions', async () => {
    await setPreset('strict');
    const w = await newWorker('KG');
    await ingestPositions(getDb(), w, [fix(LAST_FIX)], LAST_FIX);
    await runSweep(getDb(), at(0.5));
    const [cancel] = await notices(w.workerId);
    await reviewLapse(getDb(), supervisor, cancel!.lapse_id!, {
      decision: 'technical',
      note: 'Phone fault, checked.',
    });
    await reinstateRegistration(getDb(), supervisor, w.registrationId, { note: 'Phone fault, checked.' });
    expect(await kinds(w.workerId)).toEqual(['cancelled', 'review_outcome', 'reinstated']);
    const page = await listDeviceNotifications(getDb(), w.workerId, { limit: 10 });
    expect(page.items[0]?.texts[1]).toMatchObject({ lang: 'ky', title: 'Каттоо калыбына келтирилди' });
  });
});

describe('delivery through the device channel', () => {
  it('pages newest first, marks fetched messages delivered, and acknowledges idempotently', async () => {
    await setPreset('strict');
    const w = await newWorker();
    const other = await newWorker();
    for (const i of [1, 2, 3]) {
      await changeAddress(getDb(), w.workerId, w.registrationId, {
        address: { text: `ул. Арбат, ${i}`, lat: 55.7514, lon: 37.5936 },
      });
    }
    await changeAddress(getDb(), other.workerId, other.registrationId, {
      address: { text: 'ул. Арбат, 9', lat: 55.7514, lon: 37.5936 },
    });
    const first = await listDeviceNotifications(getDb(), w.workerId, { limit: 2 });
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).not.toBeNull();
    const second = await listDeviceNotifications(getDb(), w.workerId, {
      limit: 2,
      cursor: first.nextCursor!,
    });
    expect(second.items).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    const ids = [...first.items, ...second.items].map((n) => n.id);

    const [theirs] = await notices(other.workerId);
    const ack = await acknowledgeNotifications(getDb(), w.workerId, [ids[0]!, theirs!.id]);
    expect(ack).toEqual({ acknowledged: [ids[0]], alreadyAcknowledged: [], unknown: [theirs!.id] });
    const again = await acknowledgeNotifications(getDb(), w.workerId, [ids[0]!]);
    expect(again).toEqual({ acknowledged: [], alreadyAcknowledged: [ids[0]], unknown: [] });
    const [untouched] = await queryRows<{ acknowledged_at: unknown }>(
      getDb(),
      sql`SELECT acknowledged_at FROM worker_notifications WHERE id = ${theirs!.id}::uuid`,
    );
    expect(untouched?.acknowledged_at).toBeNull();

    const after = await listDeviceNotifications(getDb(), w.workerId, { limit: 10 });
    expect(after.items.map((n) => n.id)).toEqual(ids.slice(1));

    const file = await readWorkerFile(getDb(), supervisor, w.workerId);
    expect(file?.notifications.map((n) => n.state)).toEqual(['acknowledged', 'delivered', 'delivered']);
    expect(file?.notifications[0]?.texts.map((t) => t.lang)).toEqual(['ru', 'en', 'tg']);
    // The messages are part of the worker file, so reading them is the file's audited read.
    const [audit] = await queryRows<{ n: number }>(
      getDb(),
      sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'worker.read' AND worker_id = ${w.workerId}::uuid`,
    );
    expect(audit?.n).toBe(1);
  });
});

describe('webhook channel (NOTIFY_CHANNELS=device,webhook) against a real HTTP server', () => {
  const received: unknown[] = [];
  let status = 200;
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      received.push({ auth: req.headers.authorization, body: JSON.parse(body) as unknown });
      res.writeHead(status).end();
    });
  });
  let url = '';
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (address && typeof address === 'object') url = `http://127.0.0.1:${address.port}/hook`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('posts JSON, records delivered; a failing gateway is recorded as failed', async () => {
    expect(() => readChannels({ NOTIFY_CHANNELS: 'device,sms' })).toThrow(/known channels/);
    expect(() => readChannels({ NOTIFY_CHANNELS: 'webhook' })).toThrow(/NOTIFY_WEBHOOK_URL/);
    const channels = readChannels({
      NOTIFY_CHANNELS: 'device,webhook',
      NOTIFY_WEBHOOK_URL: url,
      NOTIFY_WEBHOOK_TOKEN: 't0k',
    });
    expect(channels.map((c) => c.name)).toEqual(['device', 'webhook']);
    // Drain what earlier tests queued, then one new message.
    while ((await dispatchNotifications(getDb(), channels)).sent > 0);
    received.length = 0;
    const w = await newWorker('UZ');
    await changeAddress(getDb(), w.workerId, w.registrationId, {
      address: { text: 'ул. Арбат, 5', lat: 55.7514, lon: 37.5936 },
    });
    expect(await dispatchNotifications(getDb(), channels)).toEqual({ sent: 1, failed: 0 });
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({
      auth: 'Bearer t0k',
      body: { notifications: [{ workerId: w.workerId, kind: 'address_changed', language: 'uz' }] },
    });
    const file = await readWorkerFile(getDb(), supervisor, w.workerId);
    expect(file?.notifications[0]?.state).toBe('delivered');

    status = 503;
    const v = await newWorker('TJ');
    await changeAddress(getDb(), v.workerId, v.registrationId, {
      address: { text: 'ул. Арбат, 6', lat: 55.7514, lon: 37.5936 },
    });
    expect(await dispatchNotifications(getDb(), channels)).toEqual({ sent: 0, failed: 1 });
    const failed = await readWorkerFile(getDb(), supervisor, v.workerId);
    expect(failed?.notifications[0]).toMatchObject({
      state: 'failed',
      failure: 'webhook: webhook answered 503',
    });
    status = 200;
    expect(await dispatchNotifications(getDb(), channels)).toEqual({ sent: 1, failed: 0 });
  });
});
