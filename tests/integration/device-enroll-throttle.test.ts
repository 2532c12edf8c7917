// Re-enrolment refusals are counted like failed sign-ins (lib/server/enroll-throttle.ts): five
// identity mismatches from one address for one person lock that pair with 429 + Retry-After, while
// the real worker can still replace their phone from another address. Clients bind to distinct
// loopback addresses (127.0.0.x) to be distinct peers; a forged X-Forwarded-For changes nothing.
import { describe, expect, it } from 'vitest';
import { enroll, postJsonFrom, workerBody } from './helpers';

interface Answer {
  status: number;
  retryAfter: string | string[] | undefined;
  body: string;
}

async function enrollFrom(
  from: string,
  worker: unknown,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const res = await postJsonFrom(
    from,
    '/api/v1/device/enroll',
    { worker, device: { platform: 'android' } },
    headers,
  );
  return { status: res.status, retryAfter: res.headers['retry-after'], body: res.body };
}

describe('guessing a known person through re-enrolment', () => {
  it('locks the address for that person after five refusals; another address still enrols', async () => {
    const worker = workerBody({ fullName: 'Farrukh Tursunov', birthDate: '1990-05-05' });
    await enroll(worker);
    for (let day = 1; day <= 5; day++) {
      const guess = { ...worker, birthDate: `1990-05-${String(day + 10).padStart(2, '0')}` };
      // A made-up X-Forwarded-For from an untrusted peer must not spread the count over addresses.
      const res = await enrollFrom('127.0.0.21', guess, { 'x-forwarded-for': `198.51.100.${day}` });
      expect(res.status).toBe(409);
    }
    const locked = await enrollFrom('127.0.0.21', { ...worker, birthDate: '1990-05-20' });
    expect(locked.status).toBe(429);
    expect(Number(locked.retryAfter)).toBeGreaterThan(0);
    expect(locked.body).toContain('enrollment-throttled');
    expect(locked.body).not.toContain('1990-05-05');
    // Even the right details are refused from the locked address, so the lock cannot be probed.
    expect((await enrollFrom('127.0.0.21', worker)).status).toBe(429);
    // The worker replacing a lost phone from elsewhere is not locked out.
    expect((await enrollFrom('127.0.0.22', worker)).status).toBe(201);
  });

  it('does not count first enrolments or matching re-enrolments', async () => {
    for (let i = 0; i < 7; i++) {
      const worker = workerBody({ fullName: `Bakhodir Ergashev` });
      expect((await enrollFrom('127.0.0.23', worker)).status).toBe(201);
      expect((await enrollFrom('127.0.0.23', worker)).status).toBe(201);
    }
  });
});
