import 'server-only';
// Device authentication. A token is 32 random bytes (base64url) shown once at enrollment; only its
// SHA-256 is stored, so a database leak does not let anyone impersonate a phone.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { and, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { devices } from '@/lib/db/schema';
import type { DeviceContext } from './engine-api';
import { HttpError, toResponse } from './problem';
import { LastSeenThrottle } from './last-seen-throttle';

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{20,200}$/;
const UUID_SHAPE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// last_seen_at is a coarse "phone is alive" marker; writing it on every batch would double the
// writes of the hottest endpoint, so each process touches a device at most once a minute.
const lastSeen = new LastSeenThrottle(60_000);

export function generateDeviceToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashDeviceToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

type Scheme = 'Bearer' | 'Basic';

/** A 401 that remembers which scheme to announce in WWW-Authenticate. */
export class DeviceAuthError extends HttpError {
  constructor(
    detail: string,
    readonly scheme: Scheme = 'Bearer',
  ) {
    super(401, detail, { type: 'https://regwatch.example/problems/device-unauthorized' });
  }
}

export function unauthorized(detail: string, scheme: Scheme = 'Bearer'): DeviceAuthError {
  return new DeviceAuthError(detail, scheme);
}

/** toResponse plus the WWW-Authenticate header RFC 9110 asks for on a 401. */
export function deviceErrorResponse(error: unknown): Response {
  const res = toResponse(error);
  if (error instanceof DeviceAuthError)
    res.headers.set('www-authenticate', `${error.scheme} realm="regwatch-device"`);
  return res;
}

/** How a token becomes a device: one query per token here, one per group in the ingest server. */
export type DeviceFinder = (db: Db, token: string) => Promise<DeviceContext | null>;

export function isTokenShaped(token: string): boolean {
  return TOKEN_SHAPE.test(token);
}

/** Looks a raw token up; null when unknown or revoked. */
export async function findDeviceByToken(db: Db, token: string): Promise<DeviceContext | null> {
  if (!TOKEN_SHAPE.test(token)) return null;
  const [row] = await db
    .select({ deviceId: devices.id, workerId: devices.workerId })
    .from(devices)
    .where(and(eq(devices.tokenHash, hashDeviceToken(token)), isNull(devices.revokedAt)))
    .limit(1);
  if (!row) return null;
  await touchDevice(db, row.deviceId);
  return row;
}

async function touchDevice(db: Db, deviceId: string): Promise<void> {
  if (!lastSeen.shouldTouch(deviceId)) return;
  await db
    .update(devices)
    .set({ lastSeenAt: sql`now()` })
    .where(eq(devices.id, deviceId));
}

/** `Authorization: Bearer <token>` → the device, or 401 with a message saying what to send. */
export async function authenticateDevice(
  db: Db,
  req: Request,
  find: DeviceFinder = findDeviceByToken,
): Promise<DeviceContext> {
  const header = req.headers.get('authorization') ?? '';
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match?.[1]) {
    throw unauthorized('Send the device token from enrollment in the header Authorization: Bearer <token>.');
  }
  return requireDeviceByToken(db, match[1], 'Bearer', find);
}

export async function requireDeviceByToken(
  db: Db,
  token: string,
  scheme: Scheme = 'Bearer',
  find: DeviceFinder = findDeviceByToken,
) {
  const device = await find(db, token);
  if (!device) throw unauthorized(await describeRefusedToken(db, token), scheme);
  return device;
}

// Only on the refusal path: a phone replaced by a newer enrolment is told so, so its owner knows
// that another phone was enrolled in their name rather than retrying forever.
async function describeRefusedToken(db: Db, token: string): Promise<string> {
  const [row] = TOKEN_SHAPE.test(token)
    ? await db
        .select({ replacedBy: devices.replacedBy })
        .from(devices)
        .where(and(eq(devices.tokenHash, hashDeviceToken(token)), isNotNull(devices.revokedAt)))
        .limit(1)
    : [];
  return describeRefusal(Boolean(row?.replacedBy));
}

/** The refusal a revoked token gets; the ingest server also uses it when a cached token was revoked. */
export function describeRefusal(replaced: boolean): string {
  if (replaced) {
    return 'This phone was replaced: the same worker enrolled another phone, so this token no longer works. Enroll again to use this phone.';
  }
  return 'The device token is unknown or has been revoked. Enroll the device again to get a new token.';
}

/** HTTP Basic as OwnTracks sends it: user = device id, password = token; both must match. */
export async function authenticateDeviceBasic(
  db: Db,
  req: Request,
  find: DeviceFinder = findDeviceByToken,
): Promise<DeviceContext> {
  const header = req.headers.get('authorization') ?? '';
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
  const decoded = match?.[1] ? Buffer.from(match[1], 'base64').toString('utf8') : '';
  const colon = decoded.indexOf(':');
  if (colon < 0) {
    throw unauthorized(
      'Use HTTP Basic authentication with the device id as user name and the device token as password.',
      'Basic',
    );
  }
  const user = decoded.slice(0, colon).trim();
  const device = UUID_SHAPE.test(user) ? await find(db, decoded.slice(colon + 1)) : null;
  if (!device || !sameText(device.deviceId.toLowerCase(), user.toLowerCase())) throw refuseBasic();
  return device;
}

export function refuseBasic(): DeviceAuthError {
  return unauthorized(
    'The device id and token do not match an enrolled device. Check both in the app settings.',
    'Basic',
  );
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
