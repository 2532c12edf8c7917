// Content-Security-Policy with per-response script nonces, and CSV exports that Excel in a Russian
// locale opens correctly and safely, over real HTTP against `next start`.
import crypto from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, expectProblem, url } from './helpers';

const DEMO_PASSWORD = 'demo-password-2026';
const run = crypto.randomBytes(3).toString('hex');

async function session(username: string, password = DEMO_PASSWORD): Promise<string> {
  const res = await api('/api/auth/sign-in/username', { json: { username, password } });
  expect(res.status).toBe(200);
  const cookie = res.headers.getSetCookie().find((c) => c.includes('session_token='));
  return cookie?.split(';')[0] ?? '';
}

function scriptSrc(csp: string | null): string {
  return (
    (csp ?? '')
      .split(';')
      .map((d) => d.trim())
      .find((d) => d.startsWith('script-src ')) ?? ''
  );
}

/** Checks the page's policy and that every script tag in it carries that response's nonce. */
async function expectNoncedPage(path: string, cookie?: string): Promise<string> {
  const res = await fetch(url(path), { headers: cookie ? { cookie } : {}, redirect: 'manual' });
  expect(res.status).toBe(200);
  const csp = res.headers.get('content-security-policy');
  const src = scriptSrc(csp);
  expect(src).not.toContain('unsafe-inline');
  expect(src).not.toContain('unsafe-eval');
  const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(src)?.[1];
  expect(nonce).toBeTruthy();
  expect(csp).toContain("frame-ancestors 'none'");
  const html = await res.text();
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  return nonce ?? '';
}

let admin: string;
let officer: string;

beforeAll(async () => {
  admin = await session('admin');
  officer = await session('officer');
});

describe('Content-Security-Policy', () => {
  it('gives the sign-in page a fresh nonce per response and no inline scripts without it', async () => {
    const first = await expectNoncedPage('/sign-in');
    const second = await expectNoncedPage('/sign-in');
    expect(second).not.toBe(first);
  });

  it('does the same for signed-in pages', async () => {
    await expectNoncedPage('/', officer);
    await expectNoncedPage('/admin', admin);
  });

  it('lets API answers run nothing at all', async () => {
    const res = await api('/api/health');
    expect(res.headers.get('content-security-policy')).toMatch(/^default-src 'none'/);
  });
});

/** The export as bytes, decoded without dropping the byte-order mark. */
async function exportBytes(path: string, cookie: string) {
  const res = await api(path, { headers: { cookie } });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
  const bytes = new Uint8Array(await res.arrayBuffer());
  return { bytes, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes) };
}

describe('CSV exports', () => {
  it.each([
    ['/api/v1/workers?format=csv', 'officer'],
    ['/api/v1/lapses?format=csv', 'officer'],
    ['/api/v1/audit?format=csv', 'admin'],
  ])('%s starts with a UTF-8 BOM and separates by ; on request', async (path, who) => {
    const cookie = who === 'admin' ? admin : officer;
    const comma = await exportBytes(path, cookie);
    expect([...comma.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const commaHeader = comma.text.slice(1).split('\r\n')[0] ?? '';
    expect(commaHeader).toContain(',');
    const semi = await exportBytes(`${path}&sep=semicolon`, cookie);
    expect([...semi.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const header = semi.text.slice(1).split('\r\n')[0] ?? '';
    expect(header).toBe(commaHeader.replaceAll(',', ';'));
  });

  it('refuses an unknown separator with a problem naming the field', async () => {
    const body = await expectProblem(
      await api('/api/v1/workers?format=csv&sep=tab', { headers: { cookie: officer } }),
      400,
    );
    expect(JSON.stringify(body.errors)).toContain('sep');
  });

  it('defuses a formula hidden after a separator, in a name that reaches the audit export', async () => {
    const name = `Иванов; =HYPERLINK("http://evil.example";"x") ${run}`;
    const created = await api('/api/v1/admin/officers', {
      json: { username: `formula_${run}`, name, password: 'twelve-characters', role: 'auditor' },
      headers: { cookie: admin },
    });
    expect(created.status).toBe(201);
    await session(`formula_${run}`, 'twelve-characters');
    const { text } = await exportBytes(`/api/v1/audit?format=csv&sep=semicolon&actor=formula_${run}`, admin);
    const quoted = `"'${name.replaceAll('"', '""')}"`;
    expect(text).toContain(quoted);
  });
});
