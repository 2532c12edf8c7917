import { describe, expect, it } from 'vitest';
import { DeviceAuthError, deviceErrorResponse, generateDeviceToken, hashDeviceToken } from './device-auth';
import { HttpError } from './problem';

describe('device tokens', () => {
  it('are 32 random bytes in base64url and hash to SHA-256 hex', () => {
    const a = generateDeviceToken();
    const b = generateDeviceToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(a, 'base64url')).toHaveLength(32);
    expect(a).not.toBe(b);
    expect(hashDeviceToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('deviceErrorResponse', () => {
  it('announces the scheme on a 401 and not on other errors', async () => {
    const res = deviceErrorResponse(new DeviceAuthError('no token', 'Basic'));
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Basic /);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(await res.json()).toMatchObject({ status: 401, detail: 'no token', title: 'Unauthorized' });
    const other = deviceErrorResponse(new HttpError(409, 'busy'));
    expect(other.headers.get('www-authenticate')).toBeNull();
  });
});
